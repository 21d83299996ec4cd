package io.reservations.cli;

import io.reservations.topics.ApplicationAcls;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.resource.PatternType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Grants each application user what it needs on a cluster that denies everything else; granting twice is harmless. */
@Command(name = "acls", description = "Create the ACLs of the API user and the processor user (run as a super user).")
final class AclsCommand implements Callable<Integer> {

    @ParentCommand
    private ReservationsCli cli;

    @Option(names = "--api-user", description = "The command API's Kafka user")
    private String apiUser;

    @Option(names = "--processor-user", description = "The stream processor's Kafka user")
    private String processorUser;

    @Option(names = "--application-id", defaultValue = "reservation-processor",
            description = "The processor's application id (default: ${DEFAULT-VALUE})")
    private String applicationId;

    @Override
    public Integer call() throws InterruptedException, ExecutionException {
        final List<AclBinding> acls = new ArrayList<>();
        if (apiUser != null) {
            acls.addAll(ApplicationAcls.api(apiUser, applicationId));
        }
        if (processorUser != null) {
            acls.addAll(ApplicationAcls.processor(processorUser, applicationId));
        }
        if (acls.isEmpty()) {
            System.err.println("Name at least one of --api-user and --processor-user");
            return 2;
        }
        try (Admin admin = Admin.create(cli.clientConfig())) {
            admin.createAcls(acls).all().get();
        }
        acls.forEach(acl -> System.out.println(acl.entry().principal() + " " + acl.entry().operation() + " "
                + acl.pattern().resourceType() + " " + acl.pattern().name()
                + (acl.pattern().patternType() == PatternType.PREFIXED ? "*" : "")));
        System.out.println(acls.size() + " ACL(s) in place.");
        return 0;
    }
}
