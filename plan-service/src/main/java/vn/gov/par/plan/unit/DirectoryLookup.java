package vn.gov.par.plan.unit;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.gov.par.support.directory.KnownUnit;
import vn.gov.par.support.directory.UnitLookup;

/** This service's own directory as the rules shared with the other services read one (who follows a plan's work). */
@Component
public class DirectoryLookup implements UnitLookup {

    private final UnitDirectory directory;

    public DirectoryLookup(UnitDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Optional<KnownUnit> find(String code) {
        return directory.find(code).map(Unit::known);
    }

    @Override
    public List<KnownUnit> children(String code) {
        return directory.children(code).stream().map(Unit::known).toList();
    }

    @Override
    public Optional<KnownUnit> standingFor(String code) {
        return directory.standingFor(code).map(Unit::known);
    }
}
