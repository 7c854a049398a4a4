package vn.gov.par.report.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The standard quantitative indicators of PAR communication work, each a count for the period.
 */
public record Indicators(
        int newsArticles,
        int radioTvBroadcasts,
        int reportagesAndClips,
        int socialMediaPosts,
        int conferencesAndTrainings,
        int participants,
        int leaflets,
        int postersAndBanners,
        int contests,
        int contestEntrants) {

    /** Each indicator's Vietnamese label, in the order of the components, for forms and documents. */
    public static final List<String> LABELS = List.of(
            "Tin, bài đăng trên trang/cổng thông tin điện tử",
            "Lượt phát thanh, truyền hình",
            "Phóng sự, video, clip",
            "Bài đăng trên mạng xã hội",
            "Hội nghị, lớp tập huấn",
            "Lượt người tham dự hội nghị, tập huấn",
            "Tờ rơi, tờ gấp",
            "Pa nô, áp phích, băng rôn",
            "Cuộc thi, hội thi",
            "Lượt người dự thi");

    public static Indicators zero() {
        return new Indicators(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    public List<Integer> values() {
        return List.of(newsArticles, radioTvBroadcasts, reportagesAndClips, socialMediaPosts, conferencesAndTrainings, participants,
                leaflets, postersAndBanners, contests, contestEntrants);
    }

    /** The labels of the indicators that are negative; empty when all are valid. */
    public List<String> negative() {
        List<String> bad = new ArrayList<>();
        List<Integer> values = values();
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) < 0) {
                bad.add(LABELS.get(i));
            }
        }
        return bad;
    }

    public Indicators plus(Indicators o) {
        return new Indicators(newsArticles + o.newsArticles, radioTvBroadcasts + o.radioTvBroadcasts,
                reportagesAndClips + o.reportagesAndClips, socialMediaPosts + o.socialMediaPosts,
                conferencesAndTrainings + o.conferencesAndTrainings, participants + o.participants, leaflets + o.leaflets,
                postersAndBanners + o.postersAndBanners, contests + o.contests, contestEntrants + o.contestEntrants);
    }
}
