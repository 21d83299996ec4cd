package io.reservations.bench;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The listing latencies: two owners, with few and with many reservations, their first page and every page. */
final class ListingScenarios {

    private static final Logger LOG = LoggerFactory.getLogger(ListingScenarios.class);

    private final Cluster cluster;
    private final Rest rest;
    private final boolean smoke;
    private final Measurements measured;

    ListingScenarios(final Cluster cluster, final Rest rest, final boolean smoke, final Measurements measured) {
        this.cluster = cluster;
        this.rest = rest;
        this.smoke = smoke;
        this.measured = measured;
    }

    /** Two owners, with few and with many reservations; the count ends the owner's name. */
    List<String> owners(final String session) {
        return List.of(Listings.prepareOwner(cluster, session, smoke ? 10 : 100),
                Listings.prepareOwner(cluster, session, smoke ? 100 : 10_000));
    }

    /** A first page of 100 again and again, then a walk of every page, of an owner's reservations. */
    void measure(final String owner) throws Exception {
        final int count = Integer.parseInt(owner.substring(owner.lastIndexOf('-') + 1));
        LOG.info("Listings of an owner with {} reservations", count);
        final Listings listings = new Listings(rest.apiUrl(), rest.token());
        final String name = "listing, " + count + " per owner";
        final Histogram first = listings.firstPages(owner, smoke ? 20 : 300);
        measured.add(name + ", first page p50", Measurements.ms(first, 50));
        measured.add(name + ", first page p99", Measurements.ms(first, 99));
        final Histogram pages = listings.walk(owner, count);
        measured.add(name + ", every page p50", Measurements.ms(pages, 50));
        measured.add(name + ", every page p99", Measurements.ms(pages, 99));
    }
}
