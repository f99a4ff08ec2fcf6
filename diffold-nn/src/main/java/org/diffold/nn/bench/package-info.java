/** Benchmarks (main classes, never run by tests): DSM training throughput against PyTorch from Python. */
package org.diffold.nn.bench;
