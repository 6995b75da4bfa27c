/**
 * A seeded synthetic tweet stream (users, texts with hashtags and mood words, Zipf-like popularity, a
 * trending burst) for the hashtag demo and for engine tests.
 */
package org.streamml.datasets.tweets;
