package com.helpdesk.local.lambda;

/**
 * Invokes a function of template.yaml in-process, exactly as Lambda would: the event goes in as the
 * JSON Lambda would send, the result comes back as the JSON Lambda would return.
 */
public interface FunctionInvoker {
    /**
     * @param functionLogicalId the function's logical id in template.yaml
     * @param eventJson         the event, serialized as Lambda serializes it
     * @return the handler's result serialized as Lambda serializes it ("null" for void handlers)
     * @throws FunctionError when the handler threw (the message carries the error type and message)
     */
    String invoke(String functionLogicalId, String eventJson) throws FunctionError;
}
