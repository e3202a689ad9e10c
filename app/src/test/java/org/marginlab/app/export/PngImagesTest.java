package org.marginlab.app.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/** A chart's pixels as a PNG file, read back with ImageIO. */
class PngImagesTest {

    @Test
    void pixelsRoundTrip() throws IOException {
        // 3 × 2: opaque red, green, blue; then half-transparent black, white, a grey
        int[] argb = {0xffff0000, 0xff00ff00, 0xff0000ff, 0x80000000, 0xffffffff, 0xff808080};
        byte[] png = PngImages.encode(argb, 3, 2);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(back.getWidth()).isEqualTo(3);
        assertThat(back.getHeight()).isEqualTo(2);
        for (int i = 0; i < argb.length; i++) {
            assertThat(back.getRGB(i % 3, i / 3)).as("pixel %d", i).isEqualTo(argb[i]);
        }
    }

    @Test
    void sizesThatDoNotMatchThePixelsAreRefused() {
        assertThatThrownBy(() -> PngImages.encode(new int[5], 3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PngImages.encode(new int[0], 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
