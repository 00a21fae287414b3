package eres.core.io;

import eres.api.EresException;
import eres.api.Suggestions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The expression language of the {@code generate} transform: a small grammar parsed by recursive
 * descent into a tree that is evaluated row by row over a panel ({@link ExpressionEvaluator}). User
 * text is never handed to a script engine.
 *
 * <pre>
 * expr       := or
 * or         := and  (('|' | '||') and)*
 * and        := not  (('&amp;' | '&amp;&amp;') not)*
 * not        := '!' not | comparison
 * comparison := additive (('==' | '!=' | '&lt;' | '&lt;=' | '&gt;' | '&gt;=') additive)?
 * additive   := term (('+' | '-') term)*
 * term       := unary (('*' | '/') unary)*
 * unary      := ('-' | '+') unary | power
 * power      := postfix ('^' unary)?                      right-associative: 2^3^2 = 2^9, -x^2 = -(x^2)
 * postfix    := primary ('by' groups)?                    'by' only after a group statistic
 * groups     := name | '(' name (',' name)* ')'
 * primary    := number | string | name | name '(' args? ')' | op '.' primary | '(' expr ')'
 * op         := L | L&lt;k&gt; | F | F&lt;k&gt; | D | D&lt;k&gt; | S | S&lt;k&gt;            Stata's time-series operators
 * name       := letter (letter | digit | '_')*  |  '`' any text but '`' '`'
 * </pre>
 *
 * Numbers are plain decimals ({@code 1}, {@code 2.5}, {@code 1e-3}); strings ({@code "east"} or
 * {@code 'east'}) only compare with text columns. Letters include Chinese characters, so {@code 地区}
 * is a name; other column names are quoted with back-ticks ({@code `L.x`}, {@code `gdp-2008`}).
 *
 * <p>Errors are {@link ExpressionException}s carrying the character position, shown on one line with a
 * caret ({@code ‸}) inserted before the offending token.
 */
public final class Expression {
    /** Hard limits against pathological input (fuzzing): text length and nesting depth. */
    static final int MAX_LENGTH = 10_000;
    static final int MAX_DEPTH = 200;

    /** Functions: name to {min, max} argument counts (max -1 = any). */
    static final Map<String, int[]> FUNCTIONS = Map.ofEntries(
            Map.entry("ln", new int[] {1, 1}), Map.entry("log", new int[] {1, 1}), Map.entry("log10", new int[] {1, 1}),
            Map.entry("exp", new int[] {1, 1}), Map.entry("sqrt", new int[] {1, 1}), Map.entry("abs", new int[] {1, 1}),
            Map.entry("floor", new int[] {1, 1}), Map.entry("ceil", new int[] {1, 1}), Map.entry("int", new int[] {1, 1}),
            Map.entry("round", new int[] {1, 2}), Map.entry("mod", new int[] {2, 2}),
            Map.entry("min", new int[] {1, -1}), Map.entry("max", new int[] {1, -1}),
            Map.entry("if", new int[] {3, 3}), Map.entry("cond", new int[] {3, 3}), Map.entry("missing", new int[] {1, 1}),
            Map.entry("inrange", new int[] {3, 3}), Map.entry("inlist", new int[] {2, -1}),
            Map.entry("lag", new int[] {1, 2}), Map.entry("lead", new int[] {1, 2}), Map.entry("diff", new int[] {1, 2}),
            Map.entry("mean", new int[] {1, 1}), Map.entry("sd", new int[] {1, 1}), Map.entry("sum", new int[] {1, 1}),
            Map.entry("count", new int[] {1, 1}), Map.entry("median", new int[] {1, 1}), Map.entry("rank", new int[] {1, 1}),
            Map.entry("pctile", new int[] {2, 2}));

    /** Group statistics: computed over the rows (of each {@code by} group) before the row-wise evaluation. */
    static final Set<String> AGGREGATES = Set.of("mean", "sd", "sum", "count", "median", "rank", "pctile", "min", "max");

    private final String text;
    private final Node root;

    private Expression(String text, Node root) {
        this.text = text;
        this.root = root;
    }

    /** The expression as written. */
    public String text() {
        return text;
    }

    Node root() {
        return root;
    }

    /** Every column name the expression refers to (including {@code by} groups), in order of appearance. */
    public Set<String> columns() {
        Set<String> out = new LinkedHashSet<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node n, Set<String> out) {
        if (n instanceof Col c) {
            out.add(c.name);
        } else if (n instanceof Unary u) {
            collect(u.operand, out);
        } else if (n instanceof Binary b) {
            collect(b.left, out);
            collect(b.right, out);
        } else if (n instanceof Call c) {
            for (Node a : c.args) collect(a, out);
            for (Col g : c.by) out.add(g.name);
        } else if (n instanceof Shift s) {
            collect(s.operand, out);
        }
    }

    /** Parses {@code text}; syntax errors are thrown with their position. */
    public static Expression parse(String text) {
        if (text == null || text.isBlank()) throw new ExpressionException("the expression is empty", text == null ? "" : text, 0);
        if (text.length() > MAX_LENGTH) {
            throw new ExpressionException("the expression is longer than " + MAX_LENGTH + " characters", text.substring(0, 40), 0);
        }
        Parser p = new Parser(text);
        Node n = p.expr();
        if (p.peek().type != T.EOF) {
            Token t = p.peek();
            String hint = t.type == T.ASSIGN ? "; compare with == (a single = is not an operator)" : "";
            throw p.error("unexpected " + t.describe() + hint, t);
        }
        return new Expression(text, n);
    }

    @Override
    public String toString() {
        return text;
    }

    // ------------------------------------------------------------------ tree

    /** A node of the tree; {@code pos} is the character index of its first token. */
    sealed interface Node permits Num, Str, Col, Unary, Binary, Call, Shift {
        int pos();
    }

    record Num(double value, int pos) implements Node {
    }

    record Str(String value, int pos) implements Node {
    }

    record Col(String name, int pos) implements Node {
    }

    record Unary(String op, Node operand, int pos) implements Node {
    }

    record Binary(String op, Node left, Node right, int pos) implements Node {
    }

    /** A function call; {@code by} is non-empty only for a group statistic with {@code by}. */
    record Call(String function, List<Node> args, List<Col> by, int pos) implements Node {
    }

    /** A time-series operator: {@code L}, {@code F}, {@code D} or {@code S} with its order {@code k}. */
    record Shift(char operator, int k, Node operand, int pos) implements Node {
    }

    // ------------------------------------------------------------------ lexer

    enum T {
        NUM, NAME, STR, TSOP, LP, RP, COMMA, PLUS, MINUS, STAR, SLASH, CARET, EQ, NE, LT, LE, GT, GE, AND, OR, NOT, ASSIGN, EOF
    }

    record Token(T type, String text, int pos, int end) {
        String describe() {
            return switch (type) {
                case EOF -> "end of the expression";
                case NUM -> "number " + text;
                case NAME -> "name '" + text + "'";
                case STR -> "text \"" + text + "\"";
                default -> "'" + text + "'";
            };
        }
    }

    static final class Lexer {
        private final String s;
        private int i;

        Lexer(String s) {
            this.s = s;
        }

        Token next() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
            if (i >= s.length()) return new Token(T.EOF, "", s.length(), s.length());
            int start = i;
            char c = s.charAt(i);
            if (digit(c) || c == '.' && i + 1 < s.length() && digit(s.charAt(i + 1))) return number(start);
            if (isNameStart(c)) {
                int j = i;
                while (j < s.length() && isNamePart(s.charAt(j))) j++;
                String word = s.substring(i, j);
                // L.x, L2.x, F.x, D.x, S3.x: Stata's time-series operators
                if (j < s.length() && s.charAt(j) == '.' && word.matches("[LFDS][0-9]{0,6}") && j + 1 < s.length()
                        && (isNameStart(s.charAt(j + 1)) || s.charAt(j + 1) == '(' || s.charAt(j + 1) == '`')) {
                    i = j + 1;
                    return new Token(T.TSOP, word, start, j);
                }
                i = j;
                return new Token(T.NAME, word, start, j);
            }
            if (c == '`') {
                int close = s.indexOf('`', i + 1);
                if (close < 0) throw new ExpressionException("a name opened with ` is not closed", s, start);
                if (close == i + 1) throw new ExpressionException("empty name ``", s, start);
                i = close + 1;
                return new Token(T.NAME, s.substring(start + 1, close), start, i);
            }
            if (c == '"' || c == '\'') {
                int close = s.indexOf(c, i + 1);
                if (close < 0) throw new ExpressionException("text opened with " + c + " is not closed", s, start);
                i = close + 1;
                return new Token(T.STR, s.substring(start + 1, close), start, i);
            }
            i++;
            char d = i < s.length() ? s.charAt(i) : '\0';
            switch (c) {
                case '(':
                    return tok(T.LP, start);
                case ')':
                    return tok(T.RP, start);
                case ',':
                    return tok(T.COMMA, start);
                case '+':
                    return tok(T.PLUS, start);
                case '-':
                    return tok(T.MINUS, start);
                case '*':
                    if (d == '*') {
                        i++;
                        return tok(T.CARET, start);
                    }
                    return tok(T.STAR, start);
                case '/':
                    return tok(T.SLASH, start);
                case '^':
                    return tok(T.CARET, start);
                case '=':
                    if (d == '=') {
                        i++;
                        return tok(T.EQ, start);
                    }
                    return tok(T.ASSIGN, start);
                case '!':
                    if (d == '=') {
                        i++;
                        return tok(T.NE, start);
                    }
                    return tok(T.NOT, start);
                case '~':
                    if (d == '=') {
                        i++;
                        return tok(T.NE, start);
                    }
                    return tok(T.NOT, start);
                case '<':
                    if (d == '=') {
                        i++;
                        return tok(T.LE, start);
                    }
                    if (d == '>') {
                        i++;
                        return tok(T.NE, start);
                    }
                    return tok(T.LT, start);
                case '>':
                    if (d == '=') {
                        i++;
                        return tok(T.GE, start);
                    }
                    return tok(T.GT, start);
                case '&':
                    if (d == '&') i++;
                    return tok(T.AND, start);
                case '|':
                    if (d == '|') i++;
                    return tok(T.OR, start);
                default:
                    throw new ExpressionException("unexpected character '" + printable(c) + "'", s, start);
            }
        }

        private Token tok(T type, int start) {
            return new Token(type, s.substring(start, i), start, i);
        }

        /** ASCII digits only: other scripts' digits (١, ٣) are letters of names, never numbers. */
        static boolean digit(char c) {
            return c >= '0' && c <= '9';
        }

        private Token number(int start) {
            int j = i;
            while (j < s.length() && digit(s.charAt(j))) j++;
            if (j < s.length() && s.charAt(j) == '.') {
                j++;
                while (j < s.length() && digit(s.charAt(j))) j++;
            }
            if (j < s.length() && (s.charAt(j) == 'e' || s.charAt(j) == 'E')) {
                int k = j + 1;
                if (k < s.length() && (s.charAt(k) == '+' || s.charAt(k) == '-')) k++;
                if (k < s.length() && digit(s.charAt(k))) {
                    while (k < s.length() && digit(s.charAt(k))) k++;
                    j = k;
                }
            }
            if (j < s.length() && isNamePart(s.charAt(j))) {
                int k = j;
                while (k < s.length() && isNamePart(s.charAt(k))) k++;
                throw new ExpressionException("'" + s.substring(start, k) + "' is neither a number nor a name (names start with a letter;"
                        + " quote other column names with back-ticks: `" + s.substring(start, k) + "`)", s, start);
            }
            String t = s.substring(start, j);
            i = j;
            double v = Double.parseDouble(t);
            if (Double.isInfinite(v)) throw new ExpressionException("number " + t + " is too large", s, start);
            return new Token(T.NUM, t, start, j);
        }

        static boolean isNameStart(char c) {
            return Character.isLetter(c) || c == '_';
        }

        static boolean isNamePart(char c) {
            return Character.isLetterOrDigit(c) || c == '_';
        }

        private static String printable(char c) {
            return c < 0x20 || c == 0x7f ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c);
        }
    }

    // ------------------------------------------------------------------ parser

    static final class Parser {
        private final String text;
        private final Lexer lexer;
        private Token look;
        private int depth;

        Parser(String text) {
            this.text = text;
            this.lexer = new Lexer(text);
            this.look = lexer.next();
        }

        Token peek() {
            return look;
        }

        private Token take() {
            Token t = look;
            look = lexer.next();
            return t;
        }

        private boolean at(T type) {
            return look.type == type;
        }

        private Token expect(T type, String what) {
            if (look.type != type) throw error("expected " + what + ", found " + look.describe(), look);
            return take();
        }

        ExpressionException error(String message, Token at) {
            return new ExpressionException(message, text, at.pos);
        }

        private void enter() {
            if (++depth > MAX_DEPTH) throw error("the expression is nested more than " + MAX_DEPTH + " levels deep", look);
        }

        Node expr() {
            enter();
            try {
                return or();
            } finally {
                depth--;
            }
        }

        private Node or() {
            Node left = and();
            while (at(T.OR)) {
                Token op = take();
                left = new Binary("|", left, and(), op.pos);
            }
            return left;
        }

        private Node and() {
            Node left = not();
            while (at(T.AND)) {
                Token op = take();
                left = new Binary("&", left, not(), op.pos);
            }
            return left;
        }

        private Node not() {
            if (at(T.NOT)) {
                Token op = take();
                enter();
                try {
                    return new Unary("!", not(), op.pos);
                } finally {
                    depth--;
                }
            }
            return comparison();
        }

        private Node comparison() {
            Node left = additive();
            if (at(T.EQ) || at(T.NE) || at(T.LT) || at(T.LE) || at(T.GT) || at(T.GE)) {
                Token op = take();
                String o = switch (op.type) {
                    case EQ -> "==";
                    case NE -> "!=";
                    case LT -> "<";
                    case LE -> "<=";
                    case GT -> ">";
                    default -> ">=";
                };
                Node right = additive();
                if (at(T.EQ) || at(T.NE) || at(T.LT) || at(T.LE) || at(T.GT) || at(T.GE)) {
                    throw error("comparisons do not chain; combine them with &, e.g. a < b & b < c", look);
                }
                return new Binary(o, left, right, op.pos);
            }
            if (at(T.ASSIGN)) throw error("'=' is not an operator; compare with ==", look);
            return left;
        }

        private Node additive() {
            Node left = term();
            while (at(T.PLUS) || at(T.MINUS)) {
                Token op = take();
                left = new Binary(op.text, left, term(), op.pos);
            }
            return left;
        }

        private Node term() {
            Node left = unary();
            while (at(T.STAR) || at(T.SLASH)) {
                Token op = take();
                left = new Binary(op.text, left, unary(), op.pos);
            }
            return left;
        }

        private Node unary() {
            if (at(T.MINUS) || at(T.PLUS)) {
                Token op = take();
                enter();
                try {
                    Node operand = unary();
                    return op.type == T.PLUS ? operand : new Unary("-", operand, op.pos);
                } finally {
                    depth--;
                }
            }
            return power();
        }

        private Node power() {
            Node base = postfix();
            if (at(T.CARET)) {
                Token op = take();
                enter();
                try {
                    return new Binary("^", base, unary(), op.pos);
                } finally {
                    depth--;
                }
            }
            return base;
        }

        private Node postfix() {
            Node n = primary();
            if (at(T.NAME) && look.text.equals("by")) {
                Token by = take();
                if (!(n instanceof Call c) || !AGGREGATES.contains(c.function)) {
                    throw error("'by' follows a group statistic (" + String.join(", ", sorted(AGGREGATES)) + "), e.g. mean(x) by region", by);
                }
                if (c.function.equals("min") || c.function.equals("max")) {
                    if (c.args.size() != 1) throw error("'by' needs " + c.function + " of one variable (" + c.function
                            + " of several values is taken row by row)", by);
                }
                List<Col> groups = new ArrayList<>();
                if (at(T.LP)) {
                    take();
                    groups.add(group());
                    while (at(T.COMMA)) {
                        take();
                        groups.add(group());
                    }
                    expect(T.RP, "')' after the group variables");
                } else {
                    groups.add(group());
                }
                return new Call(c.function, c.args, List.copyOf(groups), c.pos);
            }
            return n;
        }

        private Col group() {
            Token t = look;
            if (t.type != T.NAME) throw error("expected a group variable after 'by', found " + t.describe(), t);
            take();
            return new Col(t.text, t.pos);
        }

        private Node primary() {
            Token t = look;
            switch (t.type) {
                case NUM -> {
                    take();
                    return new Num(Double.parseDouble(t.text), t.pos);
                }
                case STR -> {
                    take();
                    return new Str(t.text, t.pos);
                }
                case LP -> {
                    take();
                    Node inner = expr();
                    expect(T.RP, "')'");
                    return inner;
                }
                case TSOP -> {
                    take();
                    char op = t.text.charAt(0);
                    int k = t.text.length() == 1 ? 1 : Integer.parseInt(t.text.substring(1));
                    if (k < 1) throw error(op + "0 is not an operator; the order starts at 1", t);
                    enter();
                    try {
                        return new Shift(op, k, primary(), t.pos);
                    } finally {
                        depth--;
                    }
                }
                case NAME -> {
                    take();
                    if (at(T.LP)) return call(t);
                    return new Col(t.text, t.pos);
                }
                default -> throw error("expected a number, a column or '(', found " + t.describe(), t);
            }
        }

        private Node call(Token name) {
            String fn = name.text;
            int[] arity = FUNCTIONS.get(fn);
            if (arity == null) {
                throw error("unknown function '" + fn + "'" + Suggestions.hint(fn, FUNCTIONS.keySet()) + "; functions: "
                        + String.join(", ", sorted(FUNCTIONS.keySet())), name);
            }
            take(); // (
            List<Node> args = new ArrayList<>();
            if (!at(T.RP)) {
                args.add(expr());
                while (at(T.COMMA)) {
                    take();
                    args.add(expr());
                }
            }
            expect(T.RP, "')' or ','");
            if (args.size() < arity[0] || arity[1] >= 0 && args.size() > arity[1]) {
                String want = arity[0] == arity[1] ? Integer.toString(arity[0])
                        : arity[1] < 0 ? "at least " + arity[0] : arity[0] + " or " + arity[1];
                throw error(fn + "() takes " + want + " argument" + (want.equals("1") ? "" : "s") + ", got " + args.size(), name);
            }
            return new Call(fn, List.copyOf(args), List.of(), name.pos);
        }

        private static List<String> sorted(Set<String> s) {
            return s.stream().sorted().toList();
        }
    }

    /**
     * A problem in an expression, with the character index where it was found. The message shows the
     * expression with a caret ({@code ‸}) inserted at that position.
     */
    public static final class ExpressionException extends EresException {
        private static final long serialVersionUID = 1L;
        private final int position;
        private final String reason;

        ExpressionException(String reason, String text, int position) {
            super(format(reason, text, position));
            this.position = position;
            this.reason = reason;
        }

        /** 0-based character index of the problem. */
        public int position() {
            return position;
        }

        /** The problem without the position and expression. */
        public String reason() {
            return reason;
        }

        static String format(String reason, String text, int position) {
            String t = text == null ? "" : text.replace('\n', ' ').replace('\r', ' ');
            int p = Math.max(0, Math.min(position, t.length()));
            return "column " + (p + 1) + ": " + reason + ": " + t.substring(0, p) + "\u2038" + t.substring(p);
        }
    }
}
