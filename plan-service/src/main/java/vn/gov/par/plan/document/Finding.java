package vn.gov.par.plan.document;

/**
 * One thing read from a plan document, or looked for and not found, with where it came from and how sure the reading
 * is, so that a person confirms or corrects it before the draft is used.
 *
 * @param field   what it is: "document.number", "title", "basis", "activities[2].leadUnits" ...
 * @param value   what was read, in the document's own words; null when nothing was
 * @param source  where in the document: "đoạn 12", "bảng 1, hàng 3, cột 4"; null when nothing was found
 * @param reading how it was read
 * @param note    in Vietnamese, what a person should know or check; null when there is nothing to add
 */
public record Finding(String field, String value, String source, Reading reading, String note) {

    public enum Reading {
        /** Found by the document's own words, diacritics and all. */
        READ,
        /** Found only once diacritics were set aside (text typed without them, or damaged by OCR): check it. */
        READ_WITHOUT_DIACRITICS,
        /** Found, but what it says could not be understood (a timeframe, a clause, a name not in the directory). */
        NOT_UNDERSTOOD,
        /** Not in the document, or not where such documents keep it. */
        MISSING
    }

    static Finding read(String field, String value, String source, boolean withDiacritics) {
        return new Finding(field, value, source, withDiacritics ? Reading.READ : Reading.READ_WITHOUT_DIACRITICS, null);
    }

    static Finding missing(String field, String note) {
        return new Finding(field, null, null, Reading.MISSING, note);
    }

    static Finding notUnderstood(String field, String value, String source, String note) {
        return new Finding(field, value, source, Reading.NOT_UNDERSTOOD, note);
    }
}
