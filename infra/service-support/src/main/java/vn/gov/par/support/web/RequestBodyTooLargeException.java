package vn.gov.par.support.web;

import java.io.IOException;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * A request body passed its limit while it was being read. An {@link IOException}, so that it travels out of
 * whatever was reading the body (a JSON or CSV reader) and reaches {@link ProblemDetailsAdvice} as the cause.
 */
public class RequestBodyTooLargeException extends IOException {

    private final long limit;

    public RequestBodyTooLargeException(long limit) {
        super("Request body over " + limit + " bytes");
        this.limit = limit;
    }

    /** What an official reads: the limit in bytes, grouped as Vietnamese writes numbers (1.048.576). */
    public String detail() {
        return "Nội dung gửi lên quá lớn: tối đa " + NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi-VN")).format(limit)
                + " byte. Hãy chia nhỏ dữ liệu rồi gửi lại.";
    }
}
