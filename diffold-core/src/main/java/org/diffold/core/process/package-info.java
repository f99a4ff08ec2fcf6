/** Forward noising processes and their noise levels (spec/math.md §1). */
package org.diffold.core.process;
