package org.marginlab.app.export;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/** PNG files from pixels (a chart's snapshot), encoded off the JavaFX thread. Stateless. */
public final class PngImages {
    private PngImages() {
    }

    /**
     * @param argb    the pixels, row by row, each {@code 0xAARRGGBB}; {@code width × height} of them
     * @param width   pixels, &gt; 0
     * @param height  pixels, &gt; 0
     * @return the PNG file's bytes
     * @throws IllegalArgumentException if the sizes do not match the pixels
     */
    public static byte[] encode(int[] argb, int width, int height) {
        if (width <= 0 || height <= 0 || argb.length < width * height) {
            throw new IllegalArgumentException("pixels: " + argb.length + " for " + width + " × " + height);
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, width, height, argb, 0, width);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
