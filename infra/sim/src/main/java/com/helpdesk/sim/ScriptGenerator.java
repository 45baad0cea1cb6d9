package com.helpdesk.sim;

import com.helpdesk.sim.Script.Action;
import com.helpdesk.sim.Script.AiOutcome;
import com.helpdesk.sim.Script.Channel;
import com.helpdesk.sim.Script.Customer;
import com.helpdesk.sim.Script.Step;
import com.helpdesk.sim.Script.Ticket;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates a script of support traffic from a seed: the same seed, first day and size give the same
 * script. Arrivals follow a daily curve (a morning peak, a smaller evening one, quiet nights) and weekends
 * get half a weekday's volume; agents answer within their working hours with their own typical delays.
 */
public final class ScriptGenerator {
    /** Relative arrivals per hour of the team's day (0..23). */
    private static final double[] HOURLY = {0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1.0, 2.0, 3.0, 3.4, 3.2, 2.8, 2.9, 3.0, 2.8, 2.4, 2.0,
            1.8, 2.0, 2.2, 1.6, 0.9, 0.4};
    private static final double WEEKEND_SHARE = 0.5;

    /** An agent and the mean of their first-reply delay once they are at work. */
    public record Agent(String id, Duration typicalDelay) {}

    public static final List<Agent> AGENTS = List.of(new Agent("alice", Duration.ofMinutes(12)), new Agent("bob", Duration.ofMinutes(35)),
            new Agent("carol", Duration.ofMinutes(20)), new Agent("dan", Duration.ofMinutes(70)));

    private static final String[][] INTENTS = {
            {"wismo", "Where is my order?", "My order has not arrived yet. Can you tell me where it is?"},
            {"return_request", "Return request", "I would like to return the shoes, they are too small."},
            {"damage_claim", "Item arrived damaged", "The lamp arrived broken, the glass is cracked."},
            {"billing", "Charged twice", "I was charged twice for the same order."},
            {"product_question", "Question about sizes", "Does the jacket run small? I am usually an M."}};
    private static final String[] NAMES = {"Jane Doe", "Tom Becker", "Lea Schulz", "Sam Carter", "Nina Weber", "Omar Haddad", "Mia Rossi",
            "Luis Garcia", "Yuki Tanaka", "Eva Novak", "Priya Nair", "Kofi Mensah"};

    private final Random random;
    private final ZoneId zone;
    private final List<Customer> knownCustomers;
    private int sequence;

    private ScriptGenerator(long seed, ZoneId zone, List<Customer> knownCustomers) {
        this.random = new Random(seed);
        this.zone = zone;
        this.knownCustomers = knownCustomers;
    }

    /**
     * {@code tickets} arrivals over {@code days} team days from {@code firstDay} (merged duplicates come on
     * top). {@code knownCustomers} (e.g. the demo shop's) write a third of the tickets, so that order
     * context shows; the others are made-up customers with addresses unique to the seed.
     */
    public static Script generate(long seed, ZoneId zone, LocalDate firstDay, int days, int tickets, List<Customer> knownCustomers) {
        return new ScriptGenerator(seed, zone, knownCustomers).script(seed, firstDay, days, tickets);
    }

    private Script script(long seed, LocalDate firstDay, int days, int count) {
        List<Ticket> out = new ArrayList<>();
        for (Instant arrival : arrivals(firstDay, days, count)) {
            Channel channel = pick(new Channel[] {Channel.EMAIL, Channel.CHAT, Channel.PHONE, Channel.AI}, new double[] {0.38, 0.24, 0.16, 0.22});
            out.addAll(channel == Channel.AI ? aiTicket(seed, arrival) : humanTicket(seed, channel, arrival));
        }
        return new Script(seed, zone, firstDay, days, List.copyOf(out));
    }

    private List<Instant> arrivals(LocalDate firstDay, int days, int count) {
        double[] dayWeight = new double[days];
        double total = 0;
        for (int d = 0; d < days; d++) {
            DayOfWeek dow = firstDay.plusDays(d).getDayOfWeek();
            dayWeight[d] = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY ? WEEKEND_SHARE : 1.0;
            total += dayWeight[d];
        }
        List<Instant> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int day = index(dayWeight, total);
            int hour = index(HOURLY, sum(HOURLY));
            ZonedDateTime at = firstDay.plusDays(day).atStartOfDay(zone).plusHours(hour).plusSeconds(random.nextInt(3600));
            out.add(at.toInstant());
        }
        out.sort(null);
        return out;
    }

    private List<Ticket> humanTicket(long seed, Channel channel, Instant arrival) {
        String[] intent = INTENTS[random.nextInt(INTENTS.length)];
        Agent agent = AGENTS.get(index(new double[] {0.35, 0.25, 0.25, 0.15}, 1.0));
        String key = "t" + (++sequence);
        Customer customer = customer(seed, key);
        List<Step> steps = new ArrayList<>();
        List<Ticket> extra = new ArrayList<>();
        steps.add(Step.of(arrival, Action.OPEN, channel == Channel.PHONE ? agent.id() : null));
        Instant t = channel == Channel.PHONE ? arrival : working(arrival.plus(minutes(1, 10)));
        if (channel != Channel.PHONE) steps.add(Step.of(t, Action.ASSIGN, agent.id()));
        // the agent who takes the ticket (or logged the call) sets its intent as they read it
        steps.add(Step.of(t, Action.INTENT, agent.id()));
        if (random.nextDouble() < 0.25) steps.add(Step.of(t = t.plusSeconds(30), Action.NOTE, agent.id()));
        t = working(t.plus(delay(agent)));
        steps.add(Step.of(t, Action.REPLY, agent.id()));
        if (channel == Channel.EMAIL && random.nextDouble() < 0.08) {
            // the customer also called about it: the agent logs the call, then merges it into the mail's ticket
            Instant call = arrival.plus(minutes(5, 30));
            Ticket duplicate = new Ticket("t" + (++sequence), Channel.PHONE, customer, intent[0], "normal", "Call: " + intent[1],
                    "Customer called about the same matter: " + intent[2], null,
                    List.of(Step.of(call, Action.OPEN, agent.id()), new Step(call.plus(minutes(2, 20)), Action.MERGE_INTO, agent.id(), 0, key)));
            extra.add(duplicate);
            t = latest(t, duplicate.steps().get(1).at());
        }
        if (random.nextDouble() < 0.10) steps.add(Step.of(t = t.plus(minutes(5, 60)), Action.ESCALATE, agent.id()));
        if (random.nextDouble() < 0.35) steps.add(Step.of(t = working(t.plus(minutes(60, 20 * 60))), Action.REPLY, agent.id()));
        if (random.nextDouble() < 0.92) resolution(steps, t, agent);
        extra.add(0, new Ticket(key, channel, customer, intent[0], channel == Channel.PHONE ? priority() : "normal", intent[1], intent[2], null, steps));
        return extra;
    }

    /** Resolves, perhaps reopens and resolves again, perhaps collects the customer's rating(s) afterwards. */
    private Instant resolution(List<Step> steps, Instant after, Agent agent) {
        Instant t = working(after.plus(minutes(2, 6 * 60)));
        steps.add(Step.of(t, Action.RESOLVE, agent.id()));
        if (random.nextDouble() < 0.10) {
            // back within the auto-close window (4 days): the customer was not satisfied after all
            steps.add(Step.of(t = t.plus(minutes(120, 40 * 60)), Action.REOPEN, agent.id()));
            steps.add(Step.of(t = working(t.plus(minutes(5, 90))), Action.REPLY, agent.id()));
            steps.add(Step.of(t = t.plus(minutes(5, 120)), Action.RESOLVE, agent.id()));
        }
        return csat(steps, t);
    }

    private Instant csat(List<Step> steps, Instant resolvedAt) {
        Instant t = resolvedAt;
        if (random.nextDouble() < 0.45) {
            steps.add(new Step(t = t.plus(minutes(30, 30 * 60)), Action.CSAT, null, rating(), null));
            if (random.nextDouble() < 0.12) steps.add(new Step(t = t.plus(minutes(1, 10)), Action.CSAT, null, rating(), null));
        }
        return t;
    }

    private List<Ticket> aiTicket(long seed, Instant arrival) {
        String[] intent = INTENTS[random.nextInt(INTENTS.length)];
        String key = "t" + (++sequence);
        boolean resolved = random.nextDouble() < 0.6;
        List<Step> steps = new ArrayList<>();
        steps.add(Step.of(arrival, Action.OPEN, "ai"));
        if (resolved) {
            // the team reviews the AI's conversations as they come in and sets each one's intent
            steps.add(Step.of(arrival, Action.INTENT, AGENTS.get(0).id()));
            csat(steps, arrival);
        } else {
            Agent agent = AGENTS.get(index(new double[] {0.35, 0.25, 0.25, 0.15}, 1.0));
            Instant t = working(arrival.plus(minutes(1, 10)));
            steps.add(Step.of(t, Action.ASSIGN, agent.id()));
            steps.add(Step.of(t, Action.INTENT, agent.id()));
            steps.add(Step.of(t = working(t.plus(delay(agent))), Action.REPLY, agent.id()));
            if (random.nextDouble() < 0.9) resolution(steps, t, agent);
        }
        return List.of(new Ticket(key, Channel.AI, customer(seed, key), intent[0], "normal", intent[1], intent[2],
                resolved ? AiOutcome.RESOLVED : AiOutcome.HANDOFF, steps));
    }

    private Customer customer(long seed, String key) {
        if (!knownCustomers.isEmpty() && random.nextDouble() < 0.33) return knownCustomers.get(random.nextInt(knownCustomers.size()));
        String name = NAMES[random.nextInt(NAMES.length)];
        String local = name.toLowerCase().replace(' ', '.');
        return new Customer(name, local + "+" + Long.toUnsignedString(seed, 36) + "-" + key + "@example.com");
    }

    /** The next moment agents are at work: 08:00-20:00 on weekdays, 10:00-16:00 at weekends (team time). */
    Instant working(Instant t) {
        ZonedDateTime z = t.atZone(zone);
        for (int i = 0; i < 8; i++) {
            boolean weekend = z.getDayOfWeek() == DayOfWeek.SATURDAY || z.getDayOfWeek() == DayOfWeek.SUNDAY;
            int open = weekend ? 10 : 8;
            int close = weekend ? 16 : 20;
            if (z.getHour() >= open && z.getHour() < close) return z.toInstant();
            if (z.getHour() < open) return z.toLocalDate().atTime(open, random.nextInt(30), random.nextInt(60)).atZone(zone).toInstant();
            z = z.toLocalDate().plusDays(1).atStartOfDay(zone);
        }
        return z.toInstant();
    }

    private Duration delay(Agent agent) {
        double mean = agent.typicalDelay().toSeconds();
        return Duration.ofSeconds(60 + (long) (-mean * Math.log(1 - random.nextDouble())));
    }

    private Duration minutes(int min, int max) {
        return Duration.ofSeconds(min * 60L + random.nextInt((max - min) * 60 + 1));
    }

    private String priority() {
        return pick(new String[] {"low", "normal", "high", "urgent"}, new double[] {0.1, 0.65, 0.2, 0.05});
    }

    private int rating() {
        return 1 + index(new double[] {0.10, 0.08, 0.12, 0.25, 0.45}, 1.0);
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private <T> T pick(T[] values, double[] weights) {
        return values[index(weights, sum(weights))];
    }

    private int index(double[] weights, double total) {
        double r = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) return i;
        }
        return weights.length - 1;
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) s += v;
        return s;
    }
}
