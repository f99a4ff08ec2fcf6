/** Forward noising processes and their noise levels (docs/math.md §1). */
package org.diffold.core.process;
