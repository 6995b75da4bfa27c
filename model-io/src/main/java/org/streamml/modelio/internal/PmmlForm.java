package org.streamml.modelio.internal;

import org.streamml.ml.model.Model;

/**
 * How one model type is written as PMML: the header's description, the target field of the data
 * dictionary, and the model element. Found by model class in {@link PmmlForms}.
 *
 * @param <M> the model type
 */
interface PmmlForm<M extends Model> {

    /** The model class written. */
    Class<M> modelClass();

    /** The {@code description} of the {@code Header}. */
    String description();

    /** The number of target fields {@link #targetField} writes (0 or 1). */
    int targetFields();

    /** Writes the target {@code DataField}, if any. */
    void targetField(PmmlWriter w);

    /** Writes the model element ({@code RegressionModel}, {@code ClusteringModel}). */
    void model(M m, PmmlWriter w);
}
