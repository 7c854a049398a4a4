package vn.gov.par.support.reporting;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * A clause folded for matching — diacritics stripped (NFD, combining marks dropped), đ→d,
 * lower case, markdown emphasis ({@code *}, {@code _}) dropped, whitespace collapsed — that
 * remembers which original character every folded character came from. Matching happens on the
 * folded form so that "Hằng năm", "HÀNG NĂM" and the OCR form "hang nam" read alike, while
 * anything shown back to people (the office a report goes through, its recipient) is cut from
 * the original text with its diacritics intact.
 */
final class FoldedText {

    private final String original;
    private final String folded;
    /** origin[i] is the index in {@link #original} of the character that produced folded.charAt(i). */
    private final int[] origin;
    /** False for text written without any diacritics (typically OCR), where "nam" may be "năm". */
    private final boolean hasDiacritics;

    private FoldedText(String original, String folded, int[] origin, boolean hasDiacritics) {
        this.original = original;
        this.folded = folded;
        this.origin = origin;
        this.hasDiacritics = hasDiacritics;
    }

    static FoldedText of(String original) {
        Builder builder = new Builder(original.length());
        for (int i = 0; i < original.length(); i++) {
            char c = original.charAt(i);
            if (c == '*' || c == '_') {
                continue; // markdown emphasis from the converted Word documents: "(*qua Phòng ...*)"
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                builder.space(i);
                continue;
            }
            for (char d : Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).toCharArray()) {
                if (Character.getType(d) == Character.NON_SPACING_MARK) {
                    builder.hasDiacritics = true;
                } else if (d == 'đ' || d == 'Đ') {
                    builder.hasDiacritics = true;
                    builder.letter('d', i);
                } else {
                    builder.letter(Character.toLowerCase(d), i);
                }
            }
        }
        return builder.build(original);
    }

    private static final class Builder {
        private final StringBuilder folded;
        private int[] origin;
        private boolean hasDiacritics;

        Builder(int capacity) {
            folded = new StringBuilder(capacity);
            origin = new int[capacity + 1];
        }

        void letter(char c, int originalIndex) {
            if (folded.length() == origin.length) {
                origin = Arrays.copyOf(origin, origin.length * 2);
            }
            origin[folded.length()] = originalIndex;
            folded.append(c);
        }

        /** One space for any run of whitespace, none at the start. */
        void space(int originalIndex) {
            if (folded.length() > 0 && folded.charAt(folded.length() - 1) != ' ') {
                letter(' ', originalIndex);
            }
        }

        FoldedText build(String original) {
            int length = folded.length();
            if (length > 0 && folded.charAt(length - 1) == ' ') {
                length--;
            }
            return new FoldedText(original, folded.substring(0, length), Arrays.copyOf(origin, length), hasDiacritics);
        }
    }

    String folded() {
        return folded;
    }

    /** The original text behind folded[start, end), emphasis markers removed and spaces collapsed. */
    String originalOf(int start, int end) {
        int from = origin[start];
        int to = origin[end - 1] + 1;
        // Decomposed (NFD) input keeps a word's marks in separate characters after its last letter.
        while (to < original.length() && Character.getType(original.charAt(to)) == Character.NON_SPACING_MARK) {
            to++;
        }
        return original.substring(from, to).replaceAll("[*_]", "").replaceAll("\\s+", " ").strip();
    }

    /**
     * Whether folded[start, end) is written as {@code word} (lower case, with diacritics) in the
     * original: tells "năm" (year) from "Nam" (south, as in Quảng Nam) and "quý" (quarter) from
     * "quy" (quy định), which fold alike. Text written without any diacritics cannot tell them
     * apart, so there every folded match counts.
     */
    boolean writtenAs(int start, int end, String word) {
        if (!hasDiacritics) {
            return true;
        }
        return Normalizer.normalize(originalOf(start, end), Normalizer.Form.NFC).toLowerCase(Locale.ROOT).equals(word);
    }
}
