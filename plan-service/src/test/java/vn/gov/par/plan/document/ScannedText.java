package vn.gov.par.plan.document;

import java.text.Normalizer;
import java.util.Map;
import java.util.Random;

/**
 * A plan's text as OCR returns a scan of it, made the same way every time: about one letter in three loses or changes
 * its marks ("Kế hoạch" → "Ké hoach"), and the words OCR typically misreads are misread ("của" → "ctia", "số" → "s6",
 * "ngày" → "ngay"), as in the older plans units still hold only as scans.
 */
final class ScannedText {

    private static final Map<String, String> MISREAD = Map.of("của", "ctia", "Số", "S6", "số", "s6", "ngày", "ngay", "Ủy", "Uy", "được", "duoc");

    private ScannedText() {
    }

    static String of(String text, long seed) {
        Random random = new Random(seed);
        String words = text;
        for (Map.Entry<String, String> misread : MISREAD.entrySet()) {
            words = words.replaceAll("(?<!\\p{L})" + misread.getKey() + "(?!\\p{L})", misread.getValue());
        }
        StringBuilder scanned = new StringBuilder();
        for (char c : Normalizer.normalize(words, Normalizer.Form.NFC).toCharArray()) {
            String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            if (decomposed.length() > 1 && random.nextInt(3) == 0) {
                String base = decomposed.substring(0, 1);
                // Keeps one mark of two, or none: "ế" reads "é", "ê" or "e".
                String kept = decomposed.length() > 2 && random.nextBoolean() ? decomposed.substring(2, 3) : random.nextBoolean() ? "\u0301" : "";
                scanned.append(Normalizer.normalize(base + kept, Normalizer.Form.NFC));
            } else {
                scanned.append(c);
            }
        }
        return scanned.toString();
    }
}
