/** A complete example of a new model type: a running mean's model, learner and codec. */
package org.streamml.modelio.example;
