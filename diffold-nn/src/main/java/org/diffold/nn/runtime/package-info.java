/**
 * The DJL/PyTorch runtime: offline native loading, the native cache folder, PyTorch thread counts and the compute
 * device. Everything that must happen before the engine loads lives here.
 */
package org.diffold.nn.runtime;
