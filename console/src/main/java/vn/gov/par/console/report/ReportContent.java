package vn.gov.par.console.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a report says, as report-service reads and saves it: per activity of the plan what was done (in words, and as a
 * count where there is one), the standard indicators by their API names, the difficulties and the proposals.
 */
public record ReportContent(List<ActivityResult> activities, Map<String, Integer> indicators, String difficulties, String proposals) {

    public ReportContent {
        activities = activities == null ? List.of() : List.copyOf(activities);
        indicators = indicators == null ? Map.of() : new LinkedHashMap<>(indicators);
    }

    public record ActivityResult(String activityLabel, String activityContent, String result, Integer count) {
    }

    /** An indicator's value, 0 when the service left it out. */
    public int indicator(String key) {
        Integer value = indicators.get(key);
        return value == null ? 0 : value;
    }

    /** The standard indicators of PAR communication work, in the order report-service lists them, with their labels. */
    public enum Indicator {
        NEWS_ARTICLES("newsArticles", "Tin, bài đăng trên trang/cổng thông tin điện tử"),
        RADIO_TV_BROADCASTS("radioTvBroadcasts", "Lượt phát thanh, truyền hình"),
        REPORTAGES_AND_CLIPS("reportagesAndClips", "Phóng sự, video, clip"),
        SOCIAL_MEDIA_POSTS("socialMediaPosts", "Bài đăng trên mạng xã hội"),
        CONFERENCES_AND_TRAININGS("conferencesAndTrainings", "Hội nghị, lớp tập huấn"),
        PARTICIPANTS("participants", "Lượt người tham dự hội nghị, tập huấn"),
        LEAFLETS("leaflets", "Tờ rơi, tờ gấp"),
        POSTERS_AND_BANNERS("postersAndBanners", "Pa nô, áp phích, băng rôn"),
        CONTESTS("contests", "Cuộc thi, hội thi"),
        CONTEST_ENTRANTS("contestEntrants", "Lượt người dự thi");

        private final String key;
        private final String label;

        Indicator(String key, String label) {
            this.key = key;
            this.label = label;
        }

        public String key() {
            return key;
        }

        public String label() {
            return label;
        }
    }
}
