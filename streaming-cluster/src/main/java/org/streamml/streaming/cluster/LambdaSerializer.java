package org.streamml.streaming.cluster;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;

/**
 * Kryo serializer for serializable lambdas and method references: it writes the lambda's
 * {@link SerializedLambda} form, the captured values through kryo (so they must be registered types),
 * and rebuilds the lambda on the other side with the capturing class's own {@code $deserializeLambda$},
 * which accepts only lambdas that class really defines. Unlike kryo's {@code ClosureSerializer} it
 * names the capturing class by name, so user classes that define lambdas need no registration.
 */
final class LambdaSerializer extends Serializer<Object> {

    @Override
    public void write(Kryo kryo, Output output, Object lambda) {
        SerializedLambda sl = serializedForm(lambda);
        output.writeString(sl.getCapturingClass());
        output.writeString(sl.getFunctionalInterfaceClass());
        output.writeString(sl.getFunctionalInterfaceMethodName());
        output.writeString(sl.getFunctionalInterfaceMethodSignature());
        output.writeVarInt(sl.getImplMethodKind(), true);
        output.writeString(sl.getImplClass());
        output.writeString(sl.getImplMethodName());
        output.writeString(sl.getImplMethodSignature());
        output.writeString(sl.getInstantiatedMethodType());
        output.writeVarInt(sl.getCapturedArgCount(), true);
        for (int i = 0; i < sl.getCapturedArgCount(); i++) {
            kryo.writeClassAndObject(output, sl.getCapturedArg(i));
        }
    }

    @Override
    public Object read(Kryo kryo, Input input, Class<?> type) {
        String capturing = input.readString();
        String fiClass = input.readString();
        String fiMethod = input.readString();
        String fiSignature = input.readString();
        int kind = input.readVarInt(true);
        String implClass = input.readString();
        String implMethod = input.readString();
        String implSignature = input.readString();
        String instantiated = input.readString();
        int n = input.readVarInt(true);
        if (n < 0 || n > 255) {
            throw new KryoException("a lambda captures at most 255 values: " + n);
        }
        Object[] captured = new Object[n];
        for (int i = 0; i < n; i++) {
            captured[i] = kryo.readClassAndObject(input);
        }
        try {
            Class<?> owner = Class.forName(capturing.replace('/', '.'), false, kryo.getClassLoader());
            SerializedLambda sl = new SerializedLambda(owner, fiClass, fiMethod, fiSignature, kind, implClass,
                    implMethod, implSignature, instantiated, captured);
            Method deserialize = owner.getDeclaredMethod("$deserializeLambda$", SerializedLambda.class);
            deserialize.setAccessible(true);
            return deserialize.invoke(null, sl);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new KryoException("cannot rebuild a lambda of " + capturing + " (" + implMethod
                    + "): is the same code on both sides? " + e, e);
        }
    }

    /** The serialized form of {@code lambda}; fails for a lambda whose interface is not serializable. */
    static SerializedLambda serializedForm(Object lambda) {
        try {
            Method writeReplace = lambda.getClass().getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            Object replaced = writeReplace.invoke(lambda);
            if (replaced instanceof SerializedLambda sl) {
                return sl;
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new KryoException("a lambda must implement a serializable interface to be shipped: "
                    + lambda.getClass().getName(), e);
        }
        throw new KryoException("not a serializable lambda: " + lambda.getClass().getName());
    }
}
