package ai.atelier.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The bounds of one component of an answer record, written once where the type is declared:
 * {@link RecordSchema} puts them into the JSON schema a model is given (so constrained decoding
 * enforces them), and {@link SchemaCheck} holds an answer to the same schema, so the schema and the
 * check cannot disagree. On a string: its length; on a list: its number of entries (and, for a list
 * of strings, each entry's length); on a whole number: its range. A negative value means no bound.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Shape {
    int minLength() default -1;

    int maxLength() default -1;

    int minItems() default -1;

    int maxItems() default -1;

    long minimum() default Long.MIN_VALUE;

    long maximum() default Long.MAX_VALUE;
}
