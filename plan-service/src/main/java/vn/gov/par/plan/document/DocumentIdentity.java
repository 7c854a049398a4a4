package vn.gov.par.plan.document;

import java.time.LocalDate;

/**
 * How the document names itself in its header (Nghị định 30/2020/NĐ-CP): who issued it, its number and symbol, where
 * and when it was signed, each as written; a draft not yet numbered or dated leaves them null.
 *
 * @param number        "35/KH-UBND"
 * @param date          the day written after the place ("ngày 24 tháng 01 năm 2025")
 * @param issuer        "ỦY BAN NHÂN DÂN HUYỆN HỚN QUẢN", as the header writes it
 * @param place         "Hớn Quản"
 */
public record DocumentIdentity(String number, LocalDate date, String issuer, String place) {
}
