/**
 * Ready-made {@link org.streamml.streaming.Source}s: queues for tests, iterables and generators,
 * file replay, directories of new files and socket receivers.
 */
package org.streamml.streaming.source;
