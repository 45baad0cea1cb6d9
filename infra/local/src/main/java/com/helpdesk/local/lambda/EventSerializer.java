package com.helpdesk.local.lambda;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;

/**
 * Lambda's own event (de)serializer for one function. Lambda runs one function per JVM and its
 * serialization library keeps JVM-wide state (the Joda-time support of ScheduledEvent and friends is
 * bound to the first class loader it sees), so each local function gets its own copy of the library
 * in a class loader whose parent is the function's: the events it builds are the function's classes.
 */
final class EventSerializer {
    private static final String SERIALIZERS = "com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers";
    private final Object serializer;
    private final Method fromJson;
    private final Method toJson;

    private EventSerializer(Object serializer, Method fromJson, Method toJson) {
        this.serializer = serializer;
        this.fromJson = fromJson;
        this.toJson = toJson;
    }

    static EventSerializer forType(Class<?> type, ClassLoader functionLoader) {
        try {
            URL library = Class.forName(SERIALIZERS).getProtectionDomain().getCodeSource().getLocation();
            @SuppressWarnings("resource") // lives as long as the function's class loader
            ClassLoader own = new URLClassLoader("lambda-serialization", new URL[]{library}, functionLoader);
            Class<?> factory = own.loadClass("com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory");
            Object mapper = factory.getMethod("getMapper").invoke(factory.getMethod("getInstance").invoke(null));
            Class<?> module = own.loadClass("com.amazonaws.lambda.thirdparty.com.fasterxml.jackson.databind.Module");
            Method register = mapper.getClass().getMethod("registerModule", module);
            register.invoke(mapper, own.loadClass("com.amazonaws.services.lambda.runtime.serialization.events.modules.DateModule")
                    .getConstructor().newInstance());
            register.invoke(mapper, own.loadClass("com.amazonaws.services.lambda.runtime.serialization.events.modules.DateTimeModule")
                    .getConstructor(ClassLoader.class).newInstance(functionLoader));
            Object serializer = own.loadClass(SERIALIZERS).getMethod("serializerFor", Class.class, ClassLoader.class)
                    .invoke(null, type, functionLoader);
            Class<?> pojo = own.loadClass("com.amazonaws.services.lambda.runtime.serialization.PojoSerializer");
            return new EventSerializer(serializer, pojo.getMethod("fromJson", String.class),
                    pojo.getMethod("toJson", Object.class, OutputStream.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Lambda's event serializer for " + type.getName() + " could not be set up", e);
        }
    }

    Object fromJson(String json) throws Exception {
        return unwrap(() -> fromJson.invoke(serializer, json));
    }

    String toJson(Object value) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        unwrap(() -> toJson.invoke(serializer, value, out));
        return out.toString(StandardCharsets.UTF_8);
    }

    private interface Call {
        Object run() throws ReflectiveOperationException;
    }

    private static Object unwrap(Call call) throws Exception {
        try {
            return call.run();
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) throw cause;
            throw e;
        }
    }
}
