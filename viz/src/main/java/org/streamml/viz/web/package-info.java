/**
 * The web dashboard: a netty HTTP server on loopback that serves one self-contained page listing the live
 * charts, their latest PNG frames, and a server-sent-event stream announcing each new frame.
 */
package org.streamml.viz.web;
