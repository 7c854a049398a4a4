package vn.gov.par.support.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds Vietnamese text to a form that compares equal however it was typed or scanned: without
 * diacritics (OCR often loses them), lower case, "&" read as "và", punctuation as spaces.
 */
public final class VietnameseText {

    private VietnameseText() {
    }

    public static String fold(String text) {
        String withoutMarks = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace('đ', 'd').replace('Đ', 'D');
        return withoutMarks.toLowerCase(Locale.ROOT)
                .replace("&", " va ")
                .replaceAll("[^a-z0-9,;]+", " ")
                .replaceAll("\\s+", " ")
                .strip();
    }
}
