package dev.wssubprotocol.it.support;

import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;
import org.eclipse.aether.util.repository.SimpleArtifactDescriptorPolicy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves one tested library version, with its runtime dependencies, into its own class path (Maven Resolver,
 * from Maven Central into the build's local repository, so a second run downloads nothing). Several versions of
 * one library cannot share the test's own class path; each forked JVM gets the one it tests.
 */
public final class Libraries {
    private static final RepositorySystem SYSTEM = new RepositorySystemSupplier().get();
    private static final Map<List<String>, List<Path>> CACHE = new ConcurrentHashMap<>();

    private Libraries() {
    }

    /** @param coordinates groupId:artifactId:version of each top-level artifact */
    public static List<Path> classpath(String... coordinates) {
        return CACHE.computeIfAbsent(List.of(coordinates), Libraries::resolve);
    }

    private static synchronized List<Path> resolve(List<String> coordinates) {
        DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
        // a pom that cannot be read must fail the resolution, not silently drop the dependencies it names
        session.setArtifactDescriptorPolicy(new SimpleArtifactDescriptorPolicy(false, false));
        // poms activate profiles by JDK (Netty's do): the model builder needs java.version and friends
        session.setSystemProperties(System.getProperties());
        String local = System.getProperty("ws.it.localRepository",
                System.getProperty("user.home") + "/.m2/repository");
        session.setLocalRepositoryManager(SYSTEM.newLocalRepositoryManager(session, new LocalRepository(local)));
        RemoteRepository central = new RemoteRepository.Builder("central", "default",
                "https://repo.maven.apache.org/maven2/").build();
        CollectRequest collect = new CollectRequest();
        for (String coordinate : coordinates) {
            collect.addDependency(new Dependency(new DefaultArtifact(coordinate), JavaScopes.RUNTIME));
        }
        collect.addRepository(central);
        try {
            List<Path> paths = new ArrayList<>();
            for (ArtifactResult result : SYSTEM.resolveDependencies(session,
                    new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME)))
                    .getArtifactResults()) {
                paths.add(result.getArtifact().getFile().toPath());
            }
            return List.copyOf(paths);
        } catch (Exception e) {
            throw new IllegalStateException("cannot resolve " + coordinates + ": " + e.getMessage(), e);
        }
    }
}
