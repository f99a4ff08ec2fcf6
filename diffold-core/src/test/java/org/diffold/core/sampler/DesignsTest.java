package org.diffold.core.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DesignsTest {
    @Test
    void parsesEveryName() {
        assertInstanceOf(LiYanDesign.class, Designs.parse("li-yan"));
        assertInstanceOf(ClassicDesign.class, Designs.parse("classic"));
        assertInstanceOf(HoLargeDesign.class, Designs.parse("ho-large"));
        assertInstanceOf(DdimDesign.class, Designs.parse("ddim"));
        assertEquals(0.5, ((DdimEtaDesign) Designs.parse("ddim-eta")).etaDdim());
        assertEquals(0.25, ((DdimEtaDesign) Designs.parse("ddim-eta:0.25")).etaDdim());
    }

    @Test
    void errorsNameTheValueAndTheAllowedRange() {
        assertEquals("unknown design 'bogus'; valid: li-yan, classic, ho-large, ddim, ddim-eta",
                assertThrows(IllegalArgumentException.class, () -> Designs.parse("bogus")).getMessage());
        assertEquals("ddim eta must be in [0, 1], got 2.0",
                assertThrows(IllegalArgumentException.class, () -> Designs.parse("ddim-eta:2")).getMessage());
        assertEquals("design ddim-eta: eta must be a number in [0, 1], got 'abc'",
                assertThrows(IllegalArgumentException.class, () -> Designs.parse("ddim-eta:abc")).getMessage());
    }
}
