/**
 * Random number generators that reproduce Spark's: {@link org.streamml.ml.random.XORShiftRandom} (with
 * its Murmur3 seed hashing) and the Bernoulli row sampler of Spark's mini-batch gradient descent.
 */
package org.streamml.ml.random;
