/** Tests of the distribution: its archives, its launcher scripts, the Docker steps and a user's project. */
package org.streamml.distribution;
