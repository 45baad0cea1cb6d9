package com.helpdesk.local.lambda;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs the template's functions in this JVM the way Lambda runs them: each function from its own jar
 * in its own class loader, initialised once per instance, one request per instance at a time, the
 * event deserialized from Lambda's JSON with Lambda's own serializers.
 */
public final class LocalFunctions implements FunctionInvoker, AutoCloseable {
    /** The local stack's own diagnostics (JDK platform logging: no logging framework of its own). */
    private static final System.Logger LOG = System.getLogger(LocalFunctions.class.getName());
    /**
     * Execution environments per function: Lambda gives each concurrent batch of an SQS mapping its own, so this is at
     * least the local cap of a mapping's concurrency (LocalStack.LOCAL_SQS_CONCURRENCY, 8). At 4, the FIFO inbound
     * queue's 8 pollers shared 4 instances and intake could not scale past 4 batches at once.
     */
    public static final int MAX_INSTANCES = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, FunctionSpec> specs = new LinkedHashMap<>();
    private final Map<String, Runtime> runtimes = new LinkedHashMap<>();
    private final Supplier<Instant> clock;
    private final SdkFaults faults;

    public LocalFunctions(List<FunctionSpec> functions, Supplier<Instant> clock, SdkFaults faults) {
        functions.forEach(f -> specs.put(f.logicalId(), f));
        this.clock = clock;
        this.faults = faults;
    }

    public Map<String, FunctionSpec> specs() {
        return specs;
    }

    @Override
    public String invoke(String functionLogicalId, String eventJson) throws FunctionError {
        Runtime runtime;
        synchronized (runtimes) {
            runtime = runtimes.get(functionLogicalId);
            if (runtime == null) {
                FunctionSpec spec = specs.get(functionLogicalId);
                if (spec == null) throw new FunctionError("ResourceNotFoundException", "no function " + functionLogicalId, null);
                runtime = new Runtime(spec);
                runtimes.put(functionLogicalId, runtime);
            }
        }
        return runtime.invoke(eventJson);
    }

    /** Loads every function's class loader and one instance, so the first request is not a cold start. */
    public void warm() {
        for (String id : specs.keySet()) {
            try {
                Runtime r;
                synchronized (runtimes) {
                    r = runtimes.computeIfAbsent(id, k -> new Runtime(specs.get(k)));
                }
                r.release(r.acquire());
            } catch (FunctionError e) {
                LOG.log(System.Logger.Level.ERROR, id + " failed to initialise", e);
            }
        }
    }

    @Override
    public void close() {
        synchronized (runtimes) {
            runtimes.values().forEach(Runtime::close);
            runtimes.clear();
        }
    }

    /** One function: its class loader and a pool of initialised handler instances. */
    private final class Runtime {
        private final FunctionSpec spec;
        private URLClassLoader loader;
        private final BlockingQueue<Instance> idle = new LinkedBlockingQueue<>();
        private final AtomicInteger created = new AtomicInteger();

        Runtime(FunctionSpec spec) {
            this.spec = spec;
        }

        private synchronized URLClassLoader loader() throws FunctionError {
            if (loader == null) {
                if (!Files.isRegularFile(spec.codeJar())) {
                    throw new FunctionError("CodeNotFound", spec.logicalId() + ": " + spec.codeJar()
                            + " does not exist; build the functions first (./mvnw -DskipTests package)", null);
                }
                try {
                    loader = new URLClassLoader("lambda:" + spec.logicalId(), new URL[]{spec.codeJar().toUri().toURL()},
                            ClassLoader.getPlatformClassLoader());
                    Class<?> overrides = loader.loadClass("com.helpdesk.runtime.LocalOverrides");
                    overrides.getMethod("install", Map.class, Supplier.class, java.util.function.Function.class)
                            .invoke(null, spec.environment(), clock, faults);
                } catch (ClassNotFoundException notOurs) {
                    // a function without the project's runtime library reads the process environment
                } catch (Exception e) {
                    throw new FunctionError("InitError", spec.logicalId() + ": " + e, e);
                }
            }
            return loader;
        }

        Instance acquire() throws FunctionError {
            Instance i = idle.poll();
            if (i != null) return i;
            if (created.incrementAndGet() <= MAX_INSTANCES) {
                try {
                    return new Instance(spec, loader());
                } catch (FunctionError e) {
                    created.decrementAndGet();
                    throw e;
                }
            }
            created.decrementAndGet();
            try {
                i = idle.poll(spec.timeoutSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (i == null) throw new FunctionError("TooManyRequestsException", spec.logicalId() + " is busy", null);
            return i;
        }

        void release(Instance i) {
            idle.add(i);
        }

        String invoke(String eventJson) throws FunctionError {
            Instance i = acquire();
            try {
                return i.invoke(eventJson);
            } finally {
                release(i);
            }
        }

        void close() {
            try {
                if (loader != null) loader.close();
            } catch (Exception ignored) {
                // closing a class loader only releases the jar handle
            }
        }
    }

    /** One initialised handler object, like one Lambda execution environment. */
    private static final class Instance {
        private final FunctionSpec spec;
        private final ClassLoader loader;
        private final Object handler;
        private final Method method;
        private final Class<?> contextType;
        private final Class<?> loggerType;

        Instance(FunctionSpec spec, ClassLoader loader) throws FunctionError {
            this.spec = spec;
            this.loader = loader;
            String[] h = spec.handler().split("::", 2);
            String methodName = h.length == 2 ? h[1] : "handleRequest";
            Thread t = Thread.currentThread();
            ClassLoader previous = t.getContextClassLoader();
            t.setContextClassLoader(loader);
            try {
                Class<?> type = loader.loadClass(h[0]);
                this.contextType = loader.loadClass("com.amazonaws.services.lambda.runtime.Context");
                this.loggerType = loader.loadClass("com.amazonaws.services.lambda.runtime.LambdaLogger");
                this.method = findMethod(type, methodName);
                this.handler = Modifier.isStatic(method.getModifiers()) ? null : type.getDeclaredConstructor().newInstance();
            } catch (InvocationTargetException e) {
                throw new FunctionError("InitError", spec.logicalId() + ": " + e.getCause(), e.getCause());
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new FunctionError("InitError", spec.logicalId() + ": " + e, e);
            } finally {
                t.setContextClassLoader(previous);
            }
        }

        private static Method findMethod(Class<?> type, String name) throws NoSuchMethodException {
            Method best = null;
            for (Method m : type.getMethods()) {
                if (!m.getName().equals(name) || m.isBridge() || m.getParameterCount() == 0 || m.getParameterCount() > 3) continue;
                if (best == null || m.getDeclaringClass() != Object.class) best = m;
            }
            if (best == null) throw new NoSuchMethodException(type.getName() + "::" + name);
            return best;
        }

        String invoke(String eventJson) throws FunctionError {
            Thread t = Thread.currentThread();
            ClassLoader previous = t.getContextClassLoader();
            t.setContextClassLoader(loader);
            try {
                Object context = context();
                Class<?>[] params = method.getParameterTypes();
                if (params[0] == InputStream.class) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    InputStream in = new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8));
                    Object[] args = params.length == 3 ? new Object[]{in, out, context} : new Object[]{in, out};
                    method.invoke(handler, args);
                    return out.toString(StandardCharsets.UTF_8);
                }
                Object input = deserialize(params[0], eventJson);
                Object result = method.invoke(handler, params.length == 2 ? new Object[]{input, context} : new Object[]{input});
                return serialize(result);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                LOG.log(System.Logger.Level.ERROR, spec.logicalId() + " threw " + cause, cause);
                throw new FunctionError(cause.getClass().getSimpleName(), String.valueOf(cause.getMessage()), cause);
            } catch (Exception e) {
                LOG.log(System.Logger.Level.ERROR, spec.logicalId() + " could not be invoked", e);
                throw new FunctionError("Runtime.InvokeError", spec.logicalId() + ": " + e, e);
            } finally {
                t.setContextClassLoader(previous);
            }
        }

        private Object deserialize(Class<?> type, String json) throws Exception {
            if (type == String.class) return JSON.readValue(json, String.class);
            if (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())) {
                return eventSerializer(type).fromJson(json);
            }
            return JSON.readValue(json, type);
        }

        private final Map<Class<?>, EventSerializer> serializers = new java.util.concurrent.ConcurrentHashMap<>();

        private EventSerializer eventSerializer(Class<?> type) {
            return serializers.computeIfAbsent(type, t -> EventSerializer.forType(t, loader));
        }

        private String serialize(Object result) throws Exception {
            if (result == null) return "null";
            Class<?> type = result.getClass();
            if (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())) {
                return eventSerializer(type).toJson(result);
            }
            return JSON.writeValueAsString(result);
        }

        private Object context() {
            long deadline = System.currentTimeMillis() + spec.timeoutSeconds() * 1000L;
            String requestId = UUID.randomUUID().toString();
            Object logger = Proxy.newProxyInstance(loader, new Class<?>[]{loggerType}, (p, m, args) -> {
                if (m.getName().equals("log") && args != null && args.length > 0) {
                    Object msg = args[0];
                    String text = msg instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(msg);
                    LOG.log(System.Logger.Level.INFO, "[" + spec.logicalId() + "] " + text.stripTrailing());
                }
                return defaultValue(m.getReturnType());
            });
            return Proxy.newProxyInstance(loader, new Class<?>[]{contextType}, (p, m, args) -> switch (m.getName()) {
                case "getAwsRequestId" -> requestId;
                case "getLogGroupName" -> "/aws/lambda/" + spec.name();
                case "getLogStreamName" -> "local";
                case "getFunctionName" -> spec.name();
                case "getFunctionVersion" -> "$LATEST";
                case "getInvokedFunctionArn" -> "arn:aws:lambda:us-east-1:000000000000:function:" + spec.name();
                case "getRemainingTimeInMillis" -> (int) Math.max(0, deadline - System.currentTimeMillis());
                case "getMemoryLimitInMB" -> spec.memoryMb();
                case "getLogger" -> logger;
                case "toString" -> "LocalContext[" + spec.logicalId() + "]";
                case "hashCode" -> System.identityHashCode(p);
                case "equals" -> p == args[0];
                default -> defaultValue(m.getReturnType());
            });
        }

        private static Object defaultValue(Class<?> type) {
            if (type == int.class) return 0;
            if (type == long.class) return 0L;
            if (type == boolean.class) return false;
            return null;
        }
    }
}
