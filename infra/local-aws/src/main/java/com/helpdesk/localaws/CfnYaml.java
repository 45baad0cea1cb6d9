package com.helpdesk.localaws;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads CloudFormation YAML (template.yaml, for the local stack and for tests): the short-form intrinsic
 * tags (!Ref, !GetAtt, !Sub, ...) become their long forms.
 */
public final class CfnYaml {
    private static final Map<String, String> TAGS = Map.ofEntries(
            Map.entry("!Ref", "Ref"), Map.entry("!GetAtt", "Fn::GetAtt"), Map.entry("!Sub", "Fn::Sub"),
            Map.entry("!Join", "Fn::Join"), Map.entry("!Select", "Fn::Select"), Map.entry("!If", "Fn::If"),
            Map.entry("!Equals", "Fn::Equals"), Map.entry("!Not", "Fn::Not"), Map.entry("!And", "Fn::And"),
            Map.entry("!Or", "Fn::Or"), Map.entry("!FindInMap", "Fn::FindInMap"), Map.entry("!Split", "Fn::Split"),
            Map.entry("!Base64", "Fn::Base64"), Map.entry("!ImportValue", "Fn::ImportValue"),
            Map.entry("!Condition", "Condition"), Map.entry("!GetAZs", "Fn::GetAZs"), Map.entry("!Cidr", "Fn::Cidr"),
            // the functions only Rules use
            Map.entry("!Contains", "Fn::Contains"), Map.entry("!EachMemberEquals", "Fn::EachMemberEquals"),
            Map.entry("!EachMemberIn", "Fn::EachMemberIn"), Map.entry("!RefAll", "Fn::RefAll"),
            Map.entry("!ValueOf", "Fn::ValueOf"), Map.entry("!ValueOfAll", "Fn::ValueOfAll"));

    private CfnYaml() {}

    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(16 * 1024 * 1024);
        Object doc = new Yaml(new Constructor(options)).load(text);
        if (!(doc instanceof Map)) throw new IllegalArgumentException("template is not a YAML mapping");
        return (Map<String, Object>) doc;
    }

    private static final class Constructor extends SafeConstructor {
        Constructor(LoaderOptions options) {
            super(options);
            TAGS.forEach((tag, fn) -> yamlConstructors.put(new Tag(tag), new Intrinsic(fn)));
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String fn;

            Intrinsic(String fn) {
                this.fn = fn;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode s) {
                    String text = s.getValue();
                    value = fn.equals("Fn::GetAtt") ? splitGetAtt(text) : text;
                } else if (node instanceof SequenceNode seq) {
                    value = constructSequence(seq);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                return Map.of(fn, value);
            }
        }
    }

    private static List<Object> splitGetAtt(String text) {
        int dot = text.indexOf('.');
        List<Object> out = new ArrayList<>();
        out.add(dot < 0 ? text : text.substring(0, dot));
        out.add(dot < 0 ? "" : text.substring(dot + 1));
        return out;
    }
}
