/*
 * One escalation case evaluated through the C interface, with its timeline
 * printed in plain English.
 *
 * Build the library, then this program, and run it:
 *
 *     cargo build --release
 *     cc -std=c99 examples/c/timeline.c -Iinclude -Ltarget/release \
 *         -lsafeguarding_resolution -o /tmp/timeline
 *     LD_LIBRARY_PATH=target/release /tmp/timeline
 *
 * (target/release is under CARGO_TARGET_DIR instead when it is set.)
 *
 * sgr_evaluate answers in JSON. A real program would read it with a JSON
 * library (cJSON, jansson, ...); to stay self-contained, this example reads
 * it with the small cursor below, which handles exactly what it needs.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "safeguarding_resolution.h"

/* ---- a minimal JSON cursor: pointers into the document, no allocation ---- */

static const char *ws(const char *p) {
    while (p && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')) p++;
    return p;
}

/* p at a value: the first character after it, or NULL if malformed. */
static const char *skip_value(const char *p) {
    p = ws(p);
    if (!p) return NULL;
    if (*p == '"') {
        for (p++; *p && *p != '"'; p++) {
            if (*p == '\\' && p[1]) p++;
        }
        return *p == '"' ? p + 1 : NULL;
    }
    if (*p == '{' || *p == '[') {
        char close = *p == '{' ? '}' : ']';
        p = ws(p + 1);
        if (*p == close) return p + 1;
        for (;;) {
            if (close == '}') { /* a key, then a colon */
                p = skip_value(p);
                p = ws(p);
                if (!p || *p != ':') return NULL;
                p++;
            }
            p = ws(skip_value(p));
            if (!p) return NULL;
            if (*p == close) return p + 1;
            if (*p != ',') return NULL;
            p++;
        }
    }
    /* A number, true, false or null. */
    while (*p && !strchr(",]} \n\r\t", *p)) p++;
    return p;
}

/* The value of `key` in the object at p, or NULL. */
static const char *member(const char *p, const char *key) {
    p = ws(p);
    if (!p || *p != '{') return NULL;
    p = ws(p + 1);
    size_t len = strlen(key);
    while (p && *p == '"') {
        bool match = strncmp(p + 1, key, len) == 0 && p[1 + len] == '"';
        p = ws(skip_value(p));
        if (!p || *p != ':') return NULL;
        const char *value = ws(p + 1);
        if (match) return value;
        p = ws(skip_value(value));
        if (!p || *p != ',') return NULL;
        p = ws(p + 1);
    }
    return NULL;
}

/* The first element of the array at p, or NULL when it is empty. */
static const char *first(const char *p) {
    p = ws(p);
    if (!p || *p != '[') return NULL;
    p = ws(p + 1);
    return *p == ']' ? NULL : p;
}

/* The element after the one at p, or NULL at the end. */
static const char *next(const char *p) {
    p = ws(skip_value(p));
    return p && *p == ',' ? ws(p + 1) : NULL;
}

static bool is_null(const char *p) { return !p || strncmp(p, "null", 4) == 0; }
static bool is_true(const char *p) { return p && strncmp(p, "true", 4) == 0; }
static bool is_false(const char *p) { return p && strncmp(p, "false", 5) == 0; }
static long number(const char *p) { return p ? strtol(p, NULL, 10) : 0; }

/* The string at p, unescaped into buf (UTF-8, truncated to fit). */
static const char *text(const char *p, char *buf, size_t size) {
    size_t n = 0;
    if (p && *p == '"') {
        for (p++; *p && *p != '"' && n + 4 < size; p++) {
            if (*p != '\\') {
                buf[n++] = *p;
                continue;
            }
            p++;
            switch (*p) {
            case 'n': buf[n++] = '\n'; break;
            case 't': buf[n++] = '\t'; break;
            case 'r': buf[n++] = '\r'; break;
            case 'b': buf[n++] = '\b'; break;
            case 'f': buf[n++] = '\f'; break;
            case 'u': { /* \uXXXX: the library escapes only control characters */
                unsigned code = (unsigned)strtoul((char[5]){p[1], p[2], p[3], p[4], 0}, NULL, 16);
                p += 4;
                buf[n++] = code < 0x80 ? (char)code : '?';
                break;
            }
            default: buf[n++] = *p; break; /* \" \\ \/ */
            }
        }
    }
    buf[n] = '\0';
    return buf;
}

/* ---- plain English ---- */

/* "2026-12-21" as "Mon 21 Dec 2026". */
static const char *day(const char *p, char *buf, size_t size) {
    static const char *weekdays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char *months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char iso[32];
    int y, m, d;
    if (sscanf(text(p, iso, sizeof iso), "%d-%d-%d", &y, &m, &d) != 3 || m < 1 || m > 12) {
        snprintf(buf, size, "%s", iso);
        return buf;
    }
    /* Sakamoto's day of the week. */
    static const int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    int yy = m < 3 ? y - 1 : y;
    int w = (yy + yy / 4 - yy / 100 + yy / 400 + t[m - 1] + d) % 7;
    snprintf(buf, size, "%s %d %s %d", weekdays[w], d, months[m - 1], y);
    return buf;
}

/* A deadline in words ("by the end of Mon 4 Jan 2027", "immediately", ...),
 * with the bank holidays it skipped. */
static const char *due(const char *p, char *buf, size_t size) {
    char kind[32], when[64], hhmm[32];
    text(member(p, "kind"), kind, sizeof kind);
    if (strcmp(kind, "by_end_of") == 0) {
        snprintf(buf, size, "by the end of %s", day(member(p, "date"), when, sizeof when));
    } else if (strcmp(kind, "at") == 0) {
        text(member(p, "datetime"), hhmm, sizeof hhmm); /* YYYY-MM-DDTHH:MM */
        char date_part[16];
        snprintf(date_part, sizeof date_part, "\"%.10s\"", hhmm);
        snprintf(buf, size, "by %s on %s", hhmm + 11, day(date_part, when, sizeof when));
    } else if (strcmp(kind, "immediately") == 0) {
        snprintf(buf, size, "immediately");
    } else if (strcmp(kind, "without_delay") == 0) {
        snprintf(buf, size, "without delay (no number of days set)");
    } else {
        snprintf(buf, size, "no time stated");
    }
    const char *skip = first(member(p, "skips"));
    for (const char *sep = " [skipping "; skip; skip = next(skip), sep = "; ") {
        char holiday[128];
        size_t used = strlen(buf);
        snprintf(buf + used, size - used, "%s%s", sep, text(skip, holiday, sizeof holiday));
        if (!next(skip)) {
            used = strlen(buf);
            snprintf(buf + used, size - used, "]");
        }
    }
    return buf;
}

/* "due by the end of ..." or "no time stated". */
static const char *deadline(const char *p, char *buf, size_t size) {
    char kind[32], words[512];
    text(member(p, "kind"), kind, sizeof kind);
    if (strcmp(kind, "none") == 0) {
        snprintf(buf, size, "no time stated");
    } else {
        snprintf(buf, size, "due %s", due(p, words, sizeof words));
    }
    return buf;
}

static void print_timeline(const char *status) {
    char a[512], b[512], c[512], d[512];
    printf("%s on the %s calendar, as of %s\n", text(member(status, "policy"), a, sizeof a),
           text(member(status, "calendar"), b, sizeof b),
           day(member(status, "as_of"), c, sizeof c));

    for (const char *stage = first(member(status, "history")); stage; stage = next(stage)) {
        const char *within = member(stage, "within_time");
        const char *kept = is_null(within)    ? "no deadline to keep"
                           : is_true(within) ? "in time"
                                             : "late";
        char name[128], ended_by[32];
        printf("  Stage %ld (%s): %s to %s; %s; %s (%s).\n", number(member(stage, "stage")),
               text(member(stage, "name"), name, sizeof name),
               day(member(stage, "started_on"), a, sizeof a),
               day(member(stage, "ended_on"), b, sizeof b),
               deadline(member(stage, "due"), c, sizeof c),
               text(member(stage, "ended_by"), ended_by, sizeof ended_by), kept);
    }

    const char *stage = member(status, "stage");
    if (!is_null(stage)) {
        char state[64], name[128];
        if (is_true(member(status, "overdue"))) {
            long late = number(member(status, "working_days_overdue"));
            snprintf(state, sizeof state, "OVERDUE by %ld working day%s", late,
                     late == 1 ? "" : "s");
        } else {
            snprintf(state, sizeof state, "in time so far");
        }
        printf("  Stage %ld (%s): since %s; %s; %s.\n", number(member(stage, "number")),
               text(member(stage, "name"), name, sizeof name),
               day(member(stage, "started_on"), a, sizeof a),
               deadline(member(stage, "due"), b, sizeof b), state);
    }

    for (const char *m = first(member(status, "milestones")); m; m = next(m)) {
        char met[64];
        if (!is_null(member(m, "met_on"))) {
            snprintf(met, sizeof met, "%s on %s",
                     is_false(member(m, "met_in_time")) ? "met LATE" : "met",
                     day(member(m, "met_on"), a, sizeof a));
        } else if (!is_null(member(m, "lapsed_on"))) {
            snprintf(met, sizeof met, "lapsed on %s: the case ended before it",
                     day(member(m, "lapsed_on"), a, sizeof a));
        } else {
            snprintf(met, sizeof met, "%s",
                     is_true(member(m, "overdue")) ? "MISSED" : "not yet met");
        }
        printf("  %s, %s: %s: %s.\n", text(member(m, "name"), b, sizeof b),
               deadline(member(m, "due"), c, sizeof c), text(member(m, "what"), d, sizeof d), met);
    }

    bool heading = false;
    for (const char *o = first(member(status, "obligations")); o; o = next(o)) {
        if (is_true(member(o, "done"))) continue;
        if (!heading) {
            printf("  Still owed:\n");
            heading = true;
        }
        char stage_label[32] = "";
        if (!is_null(member(o, "stage"))) {
            snprintf(stage_label, sizeof stage_label, "stage %ld: ", number(member(o, "stage")));
        }
        printf("    - %s%s (%s)%s\n", stage_label, text(member(o, "what"), a, sizeof a),
               due(member(o, "due"), b, sizeof b), is_true(member(o, "overdue")) ? " OVERDUE" : "");
    }

    printf("  Status: %s; next:", text(member(status, "status"), a, sizeof a));
    const char *sep = " ";
    for (const char *e = first(member(status, "next")); e; e = next(e), sep = ", ") {
        printf("%s%s", sep, text(e, a, sizeof a));
    }
    printf(".\n");
}

int main(void) {
    printf("safeguarding-resolution %s (holiday data %s), from C\n\n", sgr_version(),
           sgr_holiday_data_version());

    /* The calendar alone: "within 2 working days of Monday 21 December 2026". */
    sgr_date raised = {2026, 12, 21}, due_date;
    sgr_result code = sgr_add_working_days(SGR_DIVISION_ENGLAND_AND_WALES, raised, 2, &due_date);
    if (code != SGR_OK) {
        fprintf(stderr, "sgr_add_working_days: %s\n", sgr_result_message(code));
        return EXIT_FAILURE;
    }
    printf("Two working days after Mon 21 Dec 2026: %04d-%02u-%02u\n\n", due_date.year,
           due_date.month, due_date.day);

    /* A Swindon case raised the Monday before Christmas 2026 and escalated at
     * each deadline; stage 3's deadline has just passed. */
    const char *request =
        "{\"policy\": \"swindon-resolution-2026\", \"calendar\": \"england-and-wales\","
        " \"as_of\": \"2027-01-12\", \"events\": ["
        "{\"type\": \"raised\", \"on\": \"2026-12-21\"},"
        "{\"type\": \"escalated\", \"on\": \"2026-12-23\"},"
        "{\"type\": \"recorded\", \"on\": \"2026-12-23\", \"record\": \"discussion_record\"},"
        "{\"type\": \"escalated\", \"on\": \"2027-01-04\"}]}";
    char *status = NULL; /* NULL first: then sgr_string_free is always safe */
    code = sgr_evaluate(request, &status);
    if (code != SGR_OK) {
        fprintf(stderr, "sgr_evaluate: %s\n", sgr_result_message(code));
        sgr_string_free(status); /* the error document, if one came back */
        return EXIT_FAILURE;
    }
    print_timeline(status);
    sgr_string_free(status);

    /* A request the policy refuses: the error document says why. */
    const char *refused =
        "{\"policy\": \"swindon-resolution-2026\", \"as_of\": \"2027-01-12\", \"events\": ["
        "{\"type\": \"raised\", \"on\": \"2026-12-21\"},"
        "{\"type\": \"decided\", \"on\": \"2026-12-22\"}]}";
    char *error = NULL;
    code = sgr_evaluate(refused, &error);
    char error_code[64], message[512];
    printf("\nA decision at stage 1 is refused (%s):\n  %s: %s\n", sgr_result_message(code),
           text(member(member(error, "error"), "code"), error_code, sizeof error_code),
           text(member(member(error, "error"), "message"), message, sizeof message));
    sgr_string_free(error);
    return code == SGR_ERROR_DOCUMENT ? EXIT_SUCCESS : EXIT_FAILURE;
}
