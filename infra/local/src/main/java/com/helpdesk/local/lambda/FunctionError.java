package com.helpdesk.local.lambda;

/** A function's invocation failed: the handler threw, or the function could not be loaded. */
public final class FunctionError extends Exception {
    private final String errorType;

    public FunctionError(String errorType, String message, Throwable cause) {
        super(errorType + ": " + message, cause);
        this.errorType = errorType;
    }

    public String errorType() {
        return errorType;
    }
}
