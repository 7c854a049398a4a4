package vn.gov.par.support.web;

import java.util.List;
import java.util.function.Function;

/** One page of a list, as every list endpoint answers it. */
public record PageView<T>(List<T> content, int page, int size, long totalElements) {

    public <R> PageView<R> map(Function<T, R> mapper) {
        return new PageView<>(content.stream().map(mapper).toList(), page, size, totalElements);
    }
}
