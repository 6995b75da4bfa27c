package org.streamml.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries of DESIGN.md §1, checked on the main classes of every module on this module's
 * class path. The rules name packages by pattern, not classes, so they keep holding as modules are added
 * (a new module is a new dependency in this module's POM).
 */
class ModuleBoundariesTest {
    /** Top-level packages of the modules at the top of the graph: applications, not library code. */
    private static final String[] APPLICATIONS = {"org.streamml.cli..", "org.streamml.demos..",
        "org.streamml.examples..", "org.streamml.notebooks..", "org.streamml.benchmarks.."};
    /** The leaf modules beside each other above ml-algorithms: none depends on another. */
    private static final List<String> LEAVES = List.of("org.streamml.modelio", "org.streamml.datasets",
            "org.streamml.viz");

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.streamml");
    }

    /** The rules check something: each library module's classes are on the class path. */
    @Test
    void shouldSeeTheClassesOfEveryModule() {
        Set<String> packages = new TreeSet<>();
        classes.forEach(c -> packages.add(c.getPackageName()));
        for (String module : List.of("org.streamml.streaming", "org.streamml.streaming.kafka",
                "org.streamml.streaming.spark", "org.streamml.ml",
                "org.streamml.modelio",
                "org.streamml.datasets", "org.streamml.viz", "org.streamml.cli")) {
            assertTrue(packages.stream().anyMatch(p -> p.equals(module) || p.startsWith(module + ".")),
                    "no classes of " + module + " among " + packages);
        }
    }

    /** A package named {@code internal} is its module's own: no other module imports it. */
    @Test
    void shouldNotImportAnotherModulesInternalPackages() {
        ArchRule rule = noClasses().should(dependOnInternalClassesOfAnotherModule())
                .because("a package named internal is not API (DESIGN.md §1)");
        rule.check(classes);
    }

    /** The engine is generic: no ML, no transport, no cluster (which lives in streaming-cluster). */
    @Test
    void shouldKeepTheEngineFreeOfMlClusterNettyAndKryo() {
        ArchRule rule = noClasses().that().resideInAPackage("org.streamml.streaming..")
                .and().resideOutsideOfPackage("org.streamml.streaming.cluster..")
                .and().resideOutsideOfPackage("org.streamml.streaming.spark..")
                .should().dependOnClassesThat().resideInAnyPackage("org.streamml.ml..", "..cluster..",
                        "io.netty..", "com.esotericsoftware..")
                .because("streaming-core knows nothing of ML or transports (DESIGN.md §1)");
        rule.check(classes);
    }

    /**
     * Kafka is a connector: the engine has no Kafka dependency, and the connector needs only the engine (no
     * ML, no cluster transport).
     */
    @Test
    void shouldKeepKafkaInItsConnector() {
        noClasses().that().resideInAPackage("org.streamml.streaming..")
                .and().resideOutsideOfPackage("org.streamml.streaming.kafka..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..")
                .because("only streaming-kafka depends on kafka-clients").check(classes);
        noClasses().that().resideInAPackage("org.streamml.streaming.kafka..")
                .should().dependOnClassesThat().resideInAnyPackage("org.streamml.ml..", "org.streamml.streaming.cluster..",
                        "io.netty..", "com.esotericsoftware..")
                .because("the connector builds on the engine's source seam only").check(classes);
    }

    /**
     * Spark is an executor of its own module: nothing else uses Spark, and the Spark executor uses neither
     * StreamML's cluster module nor its kryo (Spark ships its own netty and kryo).
     */
    @Test
    void shouldKeepSparkInItsExecutor() {
        noClasses().that().resideOutsideOfPackage("org.streamml.streaming.spark..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..")
                .because("only streaming-spark depends on Spark").check(classes);
        noClasses().that().resideInAPackage("org.streamml.streaming.spark..")
                .should().dependOnClassesThat().resideInAnyPackage("org.streamml.streaming.cluster..",
                        "org.streamml.ml..", "io.netty..")
                .because("Spark brings its own transport; StreamML's cluster stays off Spark's class path")
                .check(classes);
    }

    /** Learners and models read no files: formats, charts and the command line are above them. */
    @Test
    void shouldKeepMachineLearningFreeOfFileFormatsChartsAndTheCommandLine() {
        ArchRule rule = noClasses().that().resideInAPackage("org.streamml.ml..")
                .should().dependOnClassesThat().resideInAnyPackage("org.streamml.modelio..",
                        "org.streamml.datasets..", "com.fasterxml.jackson..", "picocli..", "org.jfree..")
                .because("ml-algorithms imports no file formats (DESIGN.md §1)");
        rule.check(classes);
    }

    /** model-io, datasets and viz are leaves beside each other. */
    @Test
    void shouldKeepTheLeafModulesIndependentOfEachOther() {
        for (String leaf : LEAVES) {
            String[] others = LEAVES.stream().filter(l -> !l.equals(leaf)).map(l -> l + "..")
                    .toArray(String[]::new);
            ArchRule rule = noClasses().that().resideInAPackage(leaf + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .because("model-io, datasets and viz never depend on each other (DESIGN.md §1)");
            rule.check(classes);
        }
    }

    /** The command line sits on top: no library code imports it. */
    @Test
    void shouldNotImportTheCommandLineFromLibraryCode() {
        ArchRule rule = noClasses().that().resideOutsideOfPackages(APPLICATIONS)
                .should().dependOnClassesThat().resideInAPackage("org.streamml.cli..")
                .because("cli is the top of the module graph (DESIGN.md §1)");
        rule.check(classes);
    }

    /**
     * Depends on a class in a package named {@code internal} (at any depth) that comes from another
     * module, a module being the jar or classes directory a class was loaded from.
     */
    private static ArchCondition<JavaClass> dependOnInternalClassesOfAnotherModule() {
        return new ArchCondition<>("depend on internal classes of another module") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String home = module(origin);
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = d.getTargetClass().getBaseComponentType();
                    if (target.getPackageName().startsWith("org.streamml.") && isInternal(target.getPackageName())
                            && !home.equals(module(target))) {
                        events.add(SimpleConditionEvent.satisfied(d, d.getDescription() + " (from module "
                                + home + " into " + module(target) + ")"));
                    }
                }
            }
        };
    }

    private static boolean isInternal(String packageName) {
        return ("." + packageName + ".").contains(".internal.");
    }

    /** Where a class was loaded from: the jar or classes directory, without the class's own path. */
    private static String module(JavaClass c) {
        return c.getSource().map(s -> {
            String uri = s.getUri().toString();
            String own = c.getName().replace('.', '/') + ".class";
            int at = uri.lastIndexOf(own);
            return at < 0 ? uri : uri.substring(0, at);
        }).orElse("(unknown: " + c.getPackageName() + ")");
    }
}
