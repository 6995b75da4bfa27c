package org.streamml.ml.optim;

import java.util.List;

/**
 * The types of this package that the learners send between processes, the package-private partial sums
 * of {@link GradientDescent} included; listed by {@link org.streamml.ml.MlWireTypes}.
 */
public final class OptimWireTypes {
    private OptimWireTypes() {
    }

    /** The types, in a fixed order. */
    public static List<Class<?>> types() {
        return List.of(GradientDescentSettings.class, LossFunction.class, Updater.class, DataBlock.class,
                GradientDescent.Result.class, GradientDescent.GradientSum.class);
    }
}
