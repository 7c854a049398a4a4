package vn.gov.par.console.task;

/** task-service's answers as the tests give them. */
final class TaskJson {

    private TaskJson() {
    }

    static String page(String... items) {
        return page(0, 50, items.length, items);
    }

    static String page(int page, int size, long total, String... items) {
        return "{\"content\": [" + String.join(",", items) + "], \"page\": " + page + ", \"size\": " + size + ", \"totalElements\": "
                + total + "}";
    }

    static String occurrence(String id, String taskId, String unitCode, String unitName, String role, String activity, String label,
            String periodStart, String dueDate, String status, String progress) {
        return """
                {"id": "%s", "taskId": "%s", "planId": "p2", "rootPlanId": "p1", "planNumber": "35/KH-UBND",
                 "planTitle": "Kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2027", "unitCode": "%s", "unitName": "%s",
                 "provinceCode": "70", "ancestorCodes": ["70", "694"], "role": "%s", "activityContent": "%s", "label": "%s",
                 "periodStart": %s, "dueDate": %s, "status": "%s", "dueSoonAnnounced": false, "overdueAnnounced": false,
                 "progress": [%s], "planPath": ["p1", "p2"]}""".formatted(id, taskId, unitCode, unitName, role, activity, label,
                quoted(periodStart), quoted(dueDate), status, progress);
    }

    static String task(String taskId, String unitCode, String unitName, String role, String... occurrences) {
        return """
                {"task": {"id": "%s", "planId": "p2", "rootPlanId": "p1", "planNumber": "35/KH-UBND",
                  "planTitle": "Kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2027", "year": 2027, "issuerCode": "694",
                  "activityIndex": 3, "activityLabel": "3", "activityContent": "Đăng tin, bài tuyên truyền cải cách hành chính",
                  "product": "Tin, bài trên trang thông tin điện tử", "targetCount": 2, "targetPer": "tháng", "unitCode": "%s",
                  "unitName": "%s", "role": "%s", "timeframe": "Hằng tháng", "scheduleKind": "MONTHLY", "scheduleRecognised": true,
                  "history": []},
                 "occurrences": [%s]}""".formatted(taskId, unitCode, unitName, role, String.join(",", occurrences));
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
