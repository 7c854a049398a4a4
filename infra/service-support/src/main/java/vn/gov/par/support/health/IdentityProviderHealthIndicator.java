package vn.gov.par.support.health;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import vn.gov.par.support.security.IdentityProviderKeys;

/**
 * Up while the service holds the provider's signing keys, reachable or not; down when it has none to check a token
 * with (every API request is then answered 503). The details say whether the provider answers, since when it has not,
 * and until when the keys fetched before are kept; {@code summary} says the same in Vietnamese.
 */
public class IdentityProviderHealthIndicator extends AbstractHealthIndicator {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("HH:mm:ss dd/MM/yyyy");

    private final IdentityProviderKeys keys;
    private final ZoneId zone;

    public IdentityProviderHealthIndicator(IdentityProviderKeys keys, ZoneId zone) {
        super("Identity provider health check failed");
        this.keys = keys;
        this.zone = zone;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean held = keys.holdsKeys();
        IdentityProviderKeys.State state = keys.state();
        boolean reachable = state.failingSince() == null;
        builder.status(held ? "UP" : "DOWN").withDetail("issuer", keys.issuer().toString()).withDetail("reachable", reachable);
        if (state.keysFetchedAt() != null) {
            builder.withDetail("keys", state.keyCount()).withDetail("keysFetchedAt", state.keysFetchedAt().toString());
        }
        if (reachable) {
            builder.withDetail("summary", "Nhà cung cấp định danh trả lời; khóa ký lấy lúc " + shown(state.keysFetchedAt()) + ".");
            return;
        }
        builder.withDetail("unreachableSince", state.failingSince().toString()).withDetail("lastFailure", state.failure());
        if (held) {
            Instant keptUntil = keys.keysKeptUntil();
            builder.withDetail("keysKeptUntil", keptUntil.toString()).withDetail("summary",
                    "Không liên lạc được nhà cung cấp định danh từ " + shown(state.failingSince())
                            + "; vẫn kiểm tra mã truy cập bằng khóa ký lấy lúc " + shown(state.keysFetchedAt())
                            + ", giữ đến " + shown(keptUntil) + ". Người dùng chưa đăng nhập lại được cho đến khi nó trở lại.");
        } else {
            builder.withDetail("summary", "Không liên lạc được nhà cung cấp định danh từ " + shown(state.failingSince())
                    + " và không còn khóa ký nào: mọi yêu cầu tới API đều bị trả lời 503.");
        }
    }

    private String shown(Instant moment) {
        return SHOWN.format(moment.atZone(zone));
    }
}
