import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;
/** Crops a rendered page to its non-white content plus a 20-pixel margin (docs/img/make/pictures.sh). */
public class Crop {
    public static void main(String[] a) throws Exception {
        BufferedImage img = ImageIO.read(new File(a[0]));
        int minX = img.getWidth(), minY = img.getHeight(), maxX = -1, maxY = -1;
        for (int y = 0; y < img.getHeight(); y++) for (int x = 0; x < img.getWidth(); x++) {
            int p = img.getRGB(x, y);
            int r = (p >> 16) & 255, g = (p >> 8) & 255, b = p & 255;
            if (r < 245 || g < 245 || b < 245) { minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y); }
        }
        int m = 20;
        int x0 = Math.max(0, minX - m), y0 = Math.max(0, minY - m), x1 = Math.min(img.getWidth(), maxX + m), y1 = Math.min(img.getHeight(), maxY + m);
        ImageIO.write(img.getSubimage(x0, y0, x1 - x0, y1 - y0), "png", new File(a[1]));
        System.out.println(a[1] + " " + (x1 - x0) + "x" + (y1 - y0));
    }
}
