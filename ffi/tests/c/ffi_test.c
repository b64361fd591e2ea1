/*
 * The C interface, called from C: every function of
 * include/safeguarding_resolution.h, each error path included.
 *
 * Built and run by ffi/tests/ffi_c.rs (cargo test), against the cdylib and
 * the staticlib; .ci/run also runs it under valgrind. Prints one line per
 * failure and a summary, and exits non-zero on any failure.
 *
 * SGR_EXPECTED_VERSION and SGR_EXPECTED_HOLIDAY_DATA_VERSION are passed by
 * the build (-D), from the C library's package and the Rust crate.
 */
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "safeguarding_resolution.h"

#ifndef SGR_EXPECTED_VERSION
#error "build with -DSGR_EXPECTED_VERSION=\"x.y.z\""
#endif
#ifndef SGR_EXPECTED_HOLIDAY_DATA_VERSION
#error "build with -DSGR_EXPECTED_HOLIDAY_DATA_VERSION=\"yyyy-mm-dd\""
#endif

static int passed = 0;
static int failed = 0;

#define CHECK(cond, ...)                                              \
    do {                                                              \
        if (cond) {                                                   \
            passed++;                                                 \
        } else {                                                      \
            failed++;                                                 \
            fprintf(stderr, "FAILED %s:%d: ", __FILE__, __LINE__);    \
            fprintf(stderr, __VA_ARGS__);                             \
            fprintf(stderr, "\n");                                    \
        }                                                             \
    } while (0)

#define CHECK_CODE(got, want)                                               \
    do {                                                                    \
        sgr_result got_ = (got);                                            \
        CHECK(got_ == (want), "%s: got %u (%s), want %s (%u)", #got,        \
              (unsigned)got_, sgr_result_message(got_), #want,              \
              (unsigned)(want));                                            \
    } while (0)

static const sgr_date SENTINEL = {-7, 77, 77};
/* What a refused call leaves in a date output. */
static const sgr_date ZERO_DATE = {0, 0, 0};

static sgr_date date(int32_t year, uint32_t month, uint32_t day) {
    sgr_date d = {year, month, day};
    return d;
}

static bool same_date(sgr_date a, sgr_date b) {
    return a.year == b.year && a.month == b.month && a.day == b.day;
}

#define CHECK_DATE(got, y, m, d)                                              \
    CHECK(same_date((got), date((y), (m), (d))), "%s: got %d-%02u-%02u, want %d-%02u-%02u", \
          #got, (got).year, (got).month, (got).day, (y), (m), (d))

static bool contains(const char *text, const char *needle) {
    return text != NULL && strstr(text, needle) != NULL;
}

/* ---- versions and messages ---- */

static void test_versions(void) {
    const char *version = sgr_version();
    CHECK(version != NULL && strcmp(version, SGR_EXPECTED_VERSION) == 0,
          "sgr_version() = %s, want %s", version ? version : "(null)", SGR_EXPECTED_VERSION);
    CHECK(sgr_version() == version, "sgr_version() is static");
    /* The header's compile-time version is the library's. */
    CHECK(version != NULL && strcmp(version, SGR_VERSION) == 0,
          "SGR_VERSION %s, sgr_version() %s", SGR_VERSION, version ? version : "(null)");
    char parts[32];
    snprintf(parts, sizeof parts, "%d.%d.%d", SGR_VERSION_MAJOR, SGR_VERSION_MINOR,
             SGR_VERSION_PATCH);
    CHECK(strcmp(parts, SGR_VERSION) == 0, "the version macros agree: %s", parts);
    const char *data = sgr_holiday_data_version();
    CHECK(data != NULL && strcmp(data, SGR_EXPECTED_HOLIDAY_DATA_VERSION) == 0,
          "sgr_holiday_data_version() = %s, want %s", data ? data : "(null)",
          SGR_EXPECTED_HOLIDAY_DATA_VERSION);
}

static void test_result_messages(void) {
    /* The ABI's numbers: fixed forever. */
    CHECK(SGR_OK == 0 && SGR_NULL_POINTER == 1 && SGR_INVALID_UTF8 == 2 &&
              SGR_INVALID_DATE == 3 && SGR_INVALID_DIVISION == 4 &&
              SGR_OUT_OF_CALENDAR_RANGE == 5 && SGR_INVALID_JSON == 6 &&
              SGR_ERROR_DOCUMENT == 7 && SGR_PANIC == 8,
          "result code numbers changed");
    CHECK(sizeof(sgr_result) == 4, "sgr_result is 32 bits");
    CHECK(SGR_DIVISION_ENGLAND_AND_WALES == 0 && SGR_DIVISION_SCOTLAND == 1 &&
              SGR_DIVISION_NORTHERN_IRELAND == 2,
          "division numbers changed");

    const char *messages[SGR_PANIC + 1];
    for (uint32_t code = SGR_OK; code <= SGR_PANIC; code++) {
        messages[code] = sgr_result_message(code);
        CHECK(messages[code] != NULL && messages[code][0] != '\0', "message for %u", code);
        for (uint32_t other = SGR_OK; other < code; other++) {
            CHECK(strcmp(messages[code], messages[other]) != 0,
                  "codes %u and %u share a message", code, other);
        }
    }
    CHECK(strcmp(sgr_result_message(SGR_OK), "success") == 0, "SGR_OK's message");
    CHECK(contains(sgr_result_message(SGR_NULL_POINTER), "NULL"), "SGR_NULL_POINTER's message");
    CHECK(contains(sgr_result_message(SGR_INVALID_UTF8), "UTF-8"), "SGR_INVALID_UTF8's message");
    CHECK(strcmp(sgr_result_message(9), "unknown sgr_result code") == 0, "code 9 is unknown");
    CHECK(strcmp(sgr_result_message(UINT32_MAX), "unknown sgr_result code") == 0,
          "UINT32_MAX is unknown");
}

/* ---- the calendar ---- */

static void test_add_working_days(void) {
    sgr_date out = SENTINEL;
    /* CONTRACT section 2: within 2 working days of Monday 21 December 2026. */
    CHECK_CODE(sgr_add_working_days(SGR_DIVISION_ENGLAND_AND_WALES, date(2026, 12, 21), 2, &out),
               SGR_OK);
    CHECK_DATE(out, 2026, 12, 23);
    /* Five working days skip Christmas and Boxing Day (substitute). */
    CHECK_CODE(sgr_add_working_days(SGR_DIVISION_ENGLAND_AND_WALES, date(2026, 12, 21), 5, &out),
               SGR_OK);
    CHECK_DATE(out, 2026, 12, 30);
    /* n = 0 is the date itself, even on a Sunday. */
    CHECK_CODE(sgr_add_working_days(SGR_DIVISION_SCOTLAND, date(2026, 3, 8), 0, &out), SGR_OK);
    CHECK_DATE(out, 2026, 3, 8);
    /* The divisions differ: 2 January (Scotland), St Patrick's Day (NI). */
    CHECK_CODE(sgr_add_working_days(SGR_DIVISION_ENGLAND_AND_WALES, date(2026, 1, 1), 1, &out),
               SGR_OK);
    CHECK_DATE(out, 2026, 1, 2);
    CHECK_CODE(sgr_add_working_days(SGR_DIVISION_SCOTLAND, date(2026, 1, 1), 1, &out), SGR_OK);
    CHECK_DATE(out, 2026, 1, 5);
    CHECK_CODE(sgr_add_working_days(SGR_DIVISION_NORTHERN_IRELAND, date(2027, 3, 16), 1, &out),
               SGR_OK);
    CHECK_DATE(out, 2027, 3, 18);
    CHECK_CODE(sgr_add_working_days(SGR_DIVISION_ENGLAND_AND_WALES, date(2027, 3, 16), 1, &out),
               SGR_OK);
    CHECK_DATE(out, 2027, 3, 17);

    /* Errors: nothing is written. */
    out = SENTINEL;
    CHECK_CODE(sgr_add_working_days(SGR_DIVISION_ENGLAND_AND_WALES, date(2026, 12, 21), 2, NULL),
               SGR_NULL_POINTER);
    CHECK_CODE(sgr_add_working_days(SGR_DIVISION_ENGLAND_AND_WALES, date(2026, 2, 30), 2, &out),
               SGR_INVALID_DATE);
    CHECK_CODE(sgr_add_working_days(SGR_DIVISION_ENGLAND_AND_WALES, date(2026, 13, 1), 2, &out),
               SGR_INVALID_DATE);
    CHECK_CODE(sgr_add_working_days(SGR_DIVISION_ENGLAND_AND_WALES, date(2026, 4, 0), 2, &out),
               SGR_INVALID_DATE);
    CHECK_CODE(sgr_add_working_days(SGR_DIVISION_ENGLAND_AND_WALES, date(2027, 2, 29), 2, &out),
               SGR_INVALID_DATE);
    CHECK_CODE(sgr_add_working_days(SGR_DIVISION_ENGLAND_AND_WALES, date(INT32_MAX, 1, 1), 2, &out),
               SGR_INVALID_DATE);
    CHECK_CODE(sgr_add_working_days(3, date(2026, 12, 21), 2, &out), SGR_INVALID_DIVISION);
    CHECK_CODE(sgr_add_working_days(UINT32_MAX, date(2026, 12, 21), 2, &out),
               SGR_INVALID_DIVISION);
    CHECK_CODE(sgr_add_working_days(SGR_DIVISION_ENGLAND_AND_WALES, date(1850, 1, 1), 2, &out),
               SGR_OUT_OF_CALENDAR_RANGE);
    CHECK_CODE(sgr_add_working_days(SGR_DIVISION_ENGLAND_AND_WALES, date(2100, 12, 24), 10, &out),
               SGR_OUT_OF_CALENDAR_RANGE);
    CHECK_CODE(sgr_add_working_days(SGR_DIVISION_SCOTLAND, date(2026, 1, 1), UINT32_MAX, &out),
               SGR_OUT_OF_CALENDAR_RANGE);
    CHECK(same_date(out, ZERO_DATE), "a refused sgr_add_working_days left its output as it was");
}

static void test_subtract_and_neighbours(void) {
    sgr_date out = SENTINEL;
    /* Five working days before a meeting on Tuesday 5 January 2027. */
    CHECK_CODE(sgr_subtract_working_days(SGR_DIVISION_ENGLAND_AND_WALES, date(2027, 1, 5), 5,
                                         &out),
               SGR_OK);
    CHECK_DATE(out, 2026, 12, 24);
    /* Maundy Thursday 2026 to the Tuesday after Easter Monday, and back. */
    CHECK_CODE(sgr_next_working_day(SGR_DIVISION_ENGLAND_AND_WALES, date(2026, 4, 2), &out),
               SGR_OK);
    CHECK_DATE(out, 2026, 4, 7);
    CHECK_CODE(sgr_previous_working_day(SGR_DIVISION_ENGLAND_AND_WALES, date(2026, 4, 7), &out),
               SGR_OK);
    CHECK_DATE(out, 2026, 4, 2);
    /* Scotland keeps Easter Monday as a working day. */
    CHECK_CODE(sgr_next_working_day(SGR_DIVISION_SCOTLAND, date(2026, 4, 2), &out), SGR_OK);
    CHECK_DATE(out, 2026, 4, 6);

    out = SENTINEL;
    CHECK_CODE(sgr_subtract_working_days(SGR_DIVISION_SCOTLAND, date(2027, 1, 5), 5, NULL),
               SGR_NULL_POINTER);
    CHECK_CODE(sgr_subtract_working_days(7, date(2027, 1, 5), 5, &out), SGR_INVALID_DIVISION);
    CHECK_CODE(sgr_subtract_working_days(SGR_DIVISION_SCOTLAND, date(2027, 2, 30), 5, &out),
               SGR_INVALID_DATE);
    CHECK_CODE(sgr_subtract_working_days(SGR_DIVISION_SCOTLAND, date(1990, 1, 10), 30, &out),
               SGR_OUT_OF_CALENDAR_RANGE);
    CHECK_CODE(sgr_next_working_day(SGR_DIVISION_SCOTLAND, date(2026, 4, 2), NULL),
               SGR_NULL_POINTER);
    CHECK_CODE(sgr_next_working_day(3, date(2026, 4, 2), &out), SGR_INVALID_DIVISION);
    CHECK_CODE(sgr_next_working_day(SGR_DIVISION_SCOTLAND, date(2026, 0, 2), &out),
               SGR_INVALID_DATE);
    CHECK_CODE(sgr_next_working_day(SGR_DIVISION_SCOTLAND, date(2100, 12, 31), &out),
               SGR_OUT_OF_CALENDAR_RANGE);
    CHECK_CODE(sgr_previous_working_day(SGR_DIVISION_NORTHERN_IRELAND, date(2026, 4, 7), NULL),
               SGR_NULL_POINTER);
    CHECK_CODE(sgr_previous_working_day(42, date(2026, 4, 7), &out), SGR_INVALID_DIVISION);
    CHECK_CODE(sgr_previous_working_day(SGR_DIVISION_NORTHERN_IRELAND, date(2026, 4, 31), &out),
               SGR_INVALID_DATE);
    CHECK_CODE(sgr_previous_working_day(SGR_DIVISION_NORTHERN_IRELAND, date(1990, 1, 1), &out),
               SGR_OUT_OF_CALENDAR_RANGE);
    CHECK(same_date(out, ZERO_DATE), "a refused call left its output as it was");
}

static void test_is_working_day(void) {
    bool working = true;
    /* Monday 28 December 2026: Boxing Day's substitute. */
    CHECK_CODE(sgr_is_working_day(SGR_DIVISION_ENGLAND_AND_WALES, date(2026, 12, 28), &working),
               SGR_OK);
    CHECK(!working, "28 December 2026 is not a working day");
    CHECK_CODE(sgr_is_working_day(SGR_DIVISION_ENGLAND_AND_WALES, date(2026, 12, 29), &working),
               SGR_OK);
    CHECK(working, "29 December 2026 is a working day");
    /* St Andrew's Day 2026, a Monday: Scotland only. */
    CHECK_CODE(sgr_is_working_day(SGR_DIVISION_SCOTLAND, date(2026, 11, 30), &working), SGR_OK);
    CHECK(!working, "30 November 2026 is a bank holiday in Scotland");

    working = true;
    CHECK_CODE(sgr_is_working_day(SGR_DIVISION_SCOTLAND, date(2026, 11, 30), NULL),
               SGR_NULL_POINTER);
    CHECK_CODE(sgr_is_working_day(3, date(2026, 11, 30), &working), SGR_INVALID_DIVISION);
    CHECK_CODE(sgr_is_working_day(SGR_DIVISION_SCOTLAND, date(2026, 2, 30), &working),
               SGR_INVALID_DATE);
    CHECK_CODE(sgr_is_working_day(SGR_DIVISION_SCOTLAND, date(2101, 1, 1), &working),
               SGR_OUT_OF_CALENDAR_RANGE);
    CHECK(!working, "a refused sgr_is_working_day left its output as it was");
}

static void test_working_days_between(void) {
    int64_t count = 99;
    CHECK_CODE(sgr_working_days_between(SGR_DIVISION_ENGLAND_AND_WALES, date(2027, 1, 4),
                                        date(2027, 1, 5), &count),
               SGR_OK);
    CHECK(count == 1, "due to as_of: %lld", (long long)count);
    CHECK_CODE(sgr_working_days_between(SGR_DIVISION_ENGLAND_AND_WALES, date(2027, 1, 5),
                                        date(2027, 1, 4), &count),
               SGR_OK);
    CHECK(count == -1, "as_of to due: %lld", (long long)count);
    /* The law: counting back an addition gives its n. */
    sgr_date due;
    CHECK_CODE(sgr_add_working_days(SGR_DIVISION_NORTHERN_IRELAND, date(2026, 12, 21), 17, &due),
               SGR_OK);
    CHECK_CODE(sgr_working_days_between(SGR_DIVISION_NORTHERN_IRELAND, date(2026, 12, 21), due,
                                        &count),
               SGR_OK);
    CHECK(count == 17, "round trip: %lld", (long long)count);

    count = 99;
    CHECK_CODE(sgr_working_days_between(SGR_DIVISION_ENGLAND_AND_WALES, date(2027, 1, 4),
                                        date(2027, 1, 5), NULL),
               SGR_NULL_POINTER);
    CHECK_CODE(sgr_working_days_between(5, date(2027, 1, 4), date(2027, 1, 5), &count),
               SGR_INVALID_DIVISION);
    CHECK_CODE(sgr_working_days_between(SGR_DIVISION_ENGLAND_AND_WALES, date(2027, 2, 29),
                                        date(2027, 3, 5), &count),
               SGR_INVALID_DATE);
    CHECK_CODE(sgr_working_days_between(SGR_DIVISION_ENGLAND_AND_WALES, date(2027, 1, 4),
                                        date(2027, 1, 32), &count),
               SGR_INVALID_DATE);
    CHECK_CODE(sgr_working_days_between(SGR_DIVISION_ENGLAND_AND_WALES, date(1989, 12, 31),
                                        date(2027, 1, 5), &count),
               SGR_OUT_OF_CALENDAR_RANGE);
    CHECK(count == 0, "a refused sgr_working_days_between left its output as it was");
}

/* ---- the JSON face ---- */

static const char *README_REQUEST =
    "{\"policy\": \"swindon-resolution-2026\", \"as_of\": \"2027-01-05\","
    " \"events\": [{\"type\": \"raised\", \"on\": \"2026-12-21\"},"
    " {\"type\": \"escalated\", \"on\": \"2026-12-23\"}]}";

static void test_evaluate(void) {
    char *response = NULL;
    CHECK_CODE(sgr_evaluate(README_REQUEST, &response), SGR_OK);
    CHECK(contains(response, "\"status\":\"open\""), "status open: %s", response);
    CHECK(contains(response, "\"working_days_overdue\":1"), "one day overdue: %s", response);
    CHECK(contains(response, "\"date\":\"2027-01-04\""), "stage 2 due 4 January: %s", response);
    sgr_string_free(response);

    /* Not JSON: the error document comes back with its own code. */
    response = NULL;
    CHECK_CODE(sgr_evaluate("{\"policy\": ", &response), SGR_INVALID_JSON);
    CHECK(contains(response, "\"code\":\"invalid_json\""), "invalid_json document: %s",
          response);
    sgr_string_free(response);

    /* JSON, but refused: unknown policy; an invalid transition. */
    response = NULL;
    CHECK_CODE(sgr_evaluate("{\"policy\": \"nowhere\", \"as_of\": \"2027-01-05\", \"events\": []}",
                            &response),
               SGR_ERROR_DOCUMENT);
    CHECK(contains(response, "\"code\":\"unknown_policy\""), "unknown_policy: %s", response);
    sgr_string_free(response);
    response = NULL;
    CHECK_CODE(sgr_evaluate("{\"policy\": \"swindon-resolution-2026\", \"as_of\": \"2027-01-05\","
                            " \"events\": [{\"type\": \"raised\", \"on\": \"2026-12-21\"},"
                            " {\"type\": \"decided\", \"on\": \"2026-12-22\"}]}",
                            &response),
               SGR_ERROR_DOCUMENT);
    CHECK(contains(response, "\"code\":\"invalid_transition\""), "invalid_transition: %s",
          response);
    CHECK(contains(response, "\"event_index\":1"), "event_index: %s", response);
    sgr_string_free(response);
    /* A date past the calendar: a document too. */
    response = NULL;
    CHECK_CODE(sgr_evaluate("{\"policy\": \"swindon-resolution-2026\", \"as_of\": \"2100-12-31\","
                            " \"events\": [{\"type\": \"raised\", \"on\": \"2100-12-30\"}]}",
                            &response),
               SGR_ERROR_DOCUMENT);
    CHECK(contains(response, "\"code\":\"out_of_calendar_range\""), "out_of_calendar_range: %s",
          response);
    sgr_string_free(response);

    /* NULL pointers and invalid UTF-8: the output is set to NULL, so a
       caller reusing a freed pointer cannot free it twice. */
    char marker[] = "untouched";
    response = marker;
    CHECK_CODE(sgr_evaluate(NULL, &response), SGR_NULL_POINTER);
    CHECK(response == NULL, "sgr_evaluate(NULL, ...) left its output as it was");
    response = marker;
    CHECK_CODE(sgr_evaluate(README_REQUEST, NULL), SGR_NULL_POINTER);
    CHECK_CODE(sgr_evaluate(NULL, NULL), SGR_NULL_POINTER);
    CHECK_CODE(sgr_evaluate("{\"policy\": \"swindon\xff\"}", &response), SGR_INVALID_UTF8);
    CHECK_CODE(sgr_evaluate("\xc3\x28", &response), SGR_INVALID_UTF8);
    CHECK(response == NULL, "sgr_evaluate with invalid UTF-8 left its output as it was");

    /* Freeing NULL does nothing. */
    sgr_string_free(NULL);
}

static void test_validate(void) {
    char *response = NULL;
    /* A form with problems is a successful validation: read "valid". */
    CHECK_CODE(sgr_validate("{\"form\": \"swindon-resolution-form\", \"data\": {}}", &response),
               SGR_OK);
    CHECK(contains(response, "\"valid\":false"), "empty form is not valid: %s", response);
    CHECK(contains(response, "\"problems\":["), "problems listed: %s", response);
    sgr_string_free(response);

    response = NULL;
    CHECK_CODE(sgr_validate("[", &response), SGR_INVALID_JSON);
    CHECK(contains(response, "\"code\":\"invalid_json\""), "invalid_json: %s", response);
    sgr_string_free(response);

    response = NULL;
    CHECK_CODE(sgr_validate("{\"form\": \"no-such-form\", \"data\": {}}", &response),
               SGR_ERROR_DOCUMENT);
    CHECK(contains(response, "\"error\":"), "error document: %s", response);
    sgr_string_free(response);

    char marker[] = "untouched";
    response = marker;
    CHECK_CODE(sgr_validate(NULL, &response), SGR_NULL_POINTER);
    CHECK_CODE(sgr_validate("{}", NULL), SGR_NULL_POINTER);
    CHECK_CODE(sgr_validate("{\"form\": \"\xfe\"}", &response), SGR_INVALID_UTF8);
    CHECK(response == NULL, "a refused sgr_validate left its output as it was");
}

/* ---- threads ---- */

#define THREADS 4
#define CALLS_PER_THREAD 20

static void *evaluate_many(void *expected) {
    long mismatches = 0;
    for (int i = 0; i < CALLS_PER_THREAD; i++) {
        char *response = NULL;
        if (sgr_evaluate(README_REQUEST, &response) != SGR_OK ||
            strcmp(response, (const char *)expected) != 0) {
            mismatches++;
        }
        sgr_string_free(response);
    }
    return (void *)mismatches;
}

static void test_threads(void) {
    char *expected = NULL;
    CHECK_CODE(sgr_evaluate(README_REQUEST, &expected), SGR_OK);
    if (expected == NULL) {
        return;
    }
    pthread_t threads[THREADS];
    int started = 0;
    for (; started < THREADS; started++) {
        if (pthread_create(&threads[started], NULL, evaluate_many, expected) != 0) {
            break;
        }
    }
    CHECK(started == THREADS, "started %d threads of %d", started, THREADS);
    for (int i = 0; i < started; i++) {
        void *mismatches = NULL;
        pthread_join(threads[i], &mismatches);
        CHECK(mismatches == NULL, "thread %d: %ld answers differed", i, (long)mismatches);
    }
    sgr_string_free(expected);
}

/* ---- an engine with newer bank holidays ---- */

/* A GOV.UK document of three divisions; England and Wales has a bank
   holiday on Tuesday 2 March 2027 the embedded data does not have. */
static const char NEWER_HOLIDAYS[] =
    "{\"england-and-wales\": {\"division\": \"england-and-wales\", \"events\": ["
    "{\"title\": \"New Year's Day\", \"date\": \"2027-01-01\", \"notes\": \"\", \"bunting\": true},"
    "{\"title\": \"A new bank holiday\", \"date\": \"2027-03-02\", \"notes\": \"\", \"bunting\": true}]},"
    " \"scotland\": {\"division\": \"scotland\", \"events\": ["
    "{\"title\": \"New Year's Day\", \"date\": \"2027-01-01\", \"notes\": \"\", \"bunting\": true}]},"
    " \"northern-ireland\": {\"division\": \"northern-ireland\", \"events\": ["
    "{\"title\": \"New Year's Day\", \"date\": \"2027-01-01\", \"notes\": \"\", \"bunting\": true}]}}";

/* North Somerset's stage 1, raised on Monday 1 March 2027: due the next
   working day. */
static const char MARCH_CASE[] =
    "{\"policy\": \"nsscp-issue-resolution-2025\", \"as_of\": \"2027-03-01\","
    " \"events\": [{\"type\": \"raised\", \"on\": \"2027-03-01\"}]}";

static void *engine_evaluate_many(void *engine) {
    long mismatches = 0;
    for (int i = 0; i < CALLS_PER_THREAD; i++) {
        char *response = NULL;
        if (sgr_engine_evaluate((const sgr_engine *)engine, MARCH_CASE, &response) != SGR_OK ||
            !contains(response, "\"date\":\"2027-03-03\"")) {
            mismatches++;
        }
        sgr_string_free(response);
    }
    return (void *)mismatches;
}

static void test_engine(void) {
    sgr_engine *engine = NULL;
    CHECK_CODE(sgr_engine_new(&engine), SGR_OK);
    if (engine == NULL) {
        return;
    }
    char *plain = NULL;
    char *response = NULL;
    CHECK_CODE(sgr_evaluate(MARCH_CASE, &plain), SGR_OK);
    CHECK_CODE(sgr_engine_evaluate(engine, MARCH_CASE, &response), SGR_OK);
    CHECK(plain != NULL && response != NULL && strcmp(plain, response) == 0,
          "a new engine answers as sgr_evaluate: %s", response);
    CHECK(contains(response, "\"date\":\"2027-03-02\""), "due on 2 March: %s", response);
    sgr_string_free(response);

    char *error = NULL;
    CHECK_CODE(sgr_engine_load_holidays(engine, NEWER_HOLIDAYS, &error), SGR_OK);
    CHECK(error == NULL, "no error document on success");
    response = NULL;
    CHECK_CODE(sgr_engine_evaluate(engine, MARCH_CASE, &response), SGR_OK);
    CHECK(contains(response, "\"date\":\"2027-03-03\""),
          "the new bank holiday moves the deadline to 3 March: %s", response);
    sgr_string_free(response);

    /* sgr_evaluate still runs on the embedded data. */
    response = NULL;
    CHECK_CODE(sgr_evaluate(MARCH_CASE, &response), SGR_OK);
    CHECK(response != NULL && plain != NULL && strcmp(response, plain) == 0,
          "sgr_evaluate is not affected by an engine");
    sgr_string_free(response);
    sgr_string_free(plain);

    /* A refused document: an error document, the engine unchanged. */
    CHECK_CODE(sgr_engine_load_holidays(engine, "{\"scotland\": {}}", &error),
               SGR_ERROR_DOCUMENT);
    CHECK(contains(error, "\"code\":\"invalid_holidays\""), "error document: %s", error);
    sgr_string_free(error);
    error = NULL;
    CHECK_CODE(sgr_engine_load_holidays(engine, "not json", NULL), SGR_ERROR_DOCUMENT);
    CHECK_CODE(sgr_engine_load_holidays(engine, "{\"x\": \"\xff\"}", &error), SGR_INVALID_UTF8);
    CHECK(error == NULL, "no document for invalid UTF-8");
    response = NULL;
    CHECK_CODE(sgr_engine_evaluate(engine, MARCH_CASE, &response), SGR_OK);
    CHECK(contains(response, "\"date\":\"2027-03-03\""),
          "a refused document left the holidays as they were: %s", response);
    sgr_string_free(response);

    /* Forms too, on the engine's calendars. */
    response = NULL;
    CHECK_CODE(sgr_engine_validate(engine, "{\"form\": \"swindon-resolution-form\", \"data\": {}}",
                                   &response),
               SGR_OK);
    CHECK(contains(response, "\"valid\":false"), "validation: %s", response);
    sgr_string_free(response);

    /* NULL pointers. */
    char marker[] = "untouched";
    response = marker;
    CHECK_CODE(sgr_engine_evaluate(NULL, MARCH_CASE, &response), SGR_NULL_POINTER);
    CHECK(response == NULL, "a refused sgr_engine_evaluate left its output as it was");
    CHECK_CODE(sgr_engine_evaluate(engine, NULL, &response), SGR_NULL_POINTER);
    CHECK_CODE(sgr_engine_load_holidays(NULL, NEWER_HOLIDAYS, NULL), SGR_NULL_POINTER);
    CHECK_CODE(sgr_engine_new(NULL), SGR_NULL_POINTER);

    /* Many threads evaluating on one engine at once. */
    pthread_t threads[THREADS];
    int started = 0;
    for (; started < THREADS; started++) {
        if (pthread_create(&threads[started], NULL, engine_evaluate_many, engine) != 0) {
            break;
        }
    }
    CHECK(started == THREADS, "started %d threads of %d", started, THREADS);
    for (int i = 0; i < started; i++) {
        void *mismatches = NULL;
        pthread_join(threads[i], &mismatches);
        CHECK(mismatches == NULL, "engine thread %d: %ld answers differed", i, (long)mismatches);
    }

    sgr_engine_free(engine);
    sgr_engine_free(NULL);
}

/* ---- policies as definitions ---- */

/* Two stages: two working days, then a chair who decides. */
static const char BOROUGH[] =
    "{\"id\": \"c-borough-2027\", \"name\": \"C Borough Escalation Policy\", \"stages\": ["
    "{\"number\": 1, \"name\": \"Practitioners\", \"clock\": {\"kind\": \"working_days_after_start\", \"days\": 2}},"
    "{\"number\": 2, \"name\": \"Chair\", \"clock\": {\"kind\": \"not_stated\"}}]}";

/* Raised Monday 1 March 2027: two working days on is Wednesday 3 March,
   or Thursday 4 March once 2 March is a bank holiday. */
static const char BOROUGH_CASE[] =
    "{\"policy\": \"c-borough-2027\", \"as_of\": \"2027-03-01\","
    " \"events\": [{\"type\": \"raised\", \"on\": \"2027-03-01\"}]}";

static const char *SWINDON_EVENTS =
    "\"as_of\": \"2027-01-05\", \"events\": [{\"type\": \"raised\", \"on\": \"2026-12-21\"},"
    " {\"type\": \"escalated\", \"on\": \"2026-12-23\"}]}";

static void test_policies(void) {
    sgr_engine *engine = NULL;
    CHECK_CODE(sgr_engine_new(&engine), SGR_OK);
    if (engine == NULL) {
        return;
    }
    char *error = NULL;
    char *response = NULL;

    /* Unknown until added. */
    CHECK_CODE(sgr_engine_evaluate(engine, BOROUGH_CASE, &response), SGR_ERROR_DOCUMENT);
    CHECK(contains(response, "\"code\":\"unknown_policy\""), "unknown before: %s", response);
    sgr_string_free(response);

    CHECK_CODE(sgr_engine_add_policy(engine, BOROUGH, &error), SGR_OK);
    CHECK(error == NULL, "no error document on success");
    response = NULL;
    CHECK_CODE(sgr_engine_evaluate(engine, BOROUGH_CASE, &response), SGR_OK);
    CHECK(contains(response, "\"date\":\"2027-03-03\""), "due 3 March: %s", response);
    CHECK(contains(response, "\"policy\":\"c-borough-2027\""), "its id: %s", response);
    sgr_string_free(response);

    /* sgr_evaluate does not know an engine's policies. */
    response = NULL;
    CHECK_CODE(sgr_evaluate(BOROUGH_CASE, &response), SGR_ERROR_DOCUMENT);
    sgr_string_free(response);

    /* A refused definition: every problem with its path, no value, the
       engine unchanged. */
    static const char WRONG[] =
        "{\"id\": \"Child Name\", \"name\": \"X\", \"stages\": ["
        "{\"number\": 1, \"name\": \"A\", \"clock\": {\"kind\": \"working_days_after_start\", \"days\": 0}},"
        "{\"number\": 3, \"name\": \"B\", \"clock\": {\"kind\": \"not_stated\"}}]}";
    CHECK_CODE(sgr_engine_add_policy(engine, WRONG, &error), SGR_ERROR_DOCUMENT);
    CHECK(contains(error, "\"code\":\"invalid_policy\"") &&
              contains(error, "\"path\":\"id\"") &&
              contains(error, "\"path\":\"stages[0].clock.days\"") &&
              contains(error, "\"path\":\"stages[1].number\"") && !contains(error, "Child"),
          "every problem, no value: %s", error);
    sgr_string_free(error);
    error = NULL;
    CHECK_CODE(sgr_engine_add_policy(engine, "not json", &error), SGR_INVALID_JSON);
    sgr_string_free(error);
    CHECK_CODE(sgr_engine_add_policy(engine, WRONG, NULL), SGR_ERROR_DOCUMENT);
    response = NULL;
    CHECK_CODE(sgr_engine_evaluate(engine, BOROUGH_CASE, &response), SGR_OK);
    CHECK(contains(response, "\"date\":\"2027-03-03\""), "unchanged: %s", response);
    sgr_string_free(response);

    /* With newer holidays, the added policy counts on them. */
    CHECK_CODE(sgr_engine_load_holidays(engine, NEWER_HOLIDAYS, NULL), SGR_OK);
    response = NULL;
    CHECK_CODE(sgr_engine_evaluate(engine, BOROUGH_CASE, &response), SGR_OK);
    CHECK(contains(response, "\"date\":\"2027-03-04\""), "due 4 March: %s", response);
    sgr_string_free(response);

    /* The library's own ids cannot be taken. */
    error = NULL;
    CHECK_CODE(sgr_engine_add_policy(engine,
                                     "{\"id\": \"swindon-resolution-2026\", \"name\": \"X\","
                                     " \"stages\": [{\"number\": 1, \"name\": \"A\","
                                     " \"clock\": {\"kind\": \"not_stated\"}}]}",
                                     &error),
               SGR_ERROR_DOCUMENT);
    sgr_string_free(error);

    /* NULL pointers. */
    CHECK_CODE(sgr_engine_add_policy(NULL, BOROUGH, NULL), SGR_NULL_POINTER);
    CHECK_CODE(sgr_engine_add_policy(engine, NULL, NULL), SGR_NULL_POINTER);
    sgr_engine_free(engine);

    /* A built-in policy as its document, given inline, answers as its id. */
    char *definition = NULL;
    CHECK_CODE(sgr_policy_definition("swindon-resolution-2026", &definition), SGR_OK);
    CHECK(contains(definition, "\"Inter-agency Discussion\""), "the document: %.80s", definition);
    if (definition != NULL) {
        const char *by_id_prefix = "{\"policy\": \"swindon-resolution-2026\", ";
        size_t size = strlen(definition) + strlen(SWINDON_EVENTS) + 64;
        char *inline_request = malloc(size);
        char *by_id_request = malloc(size);
        if (inline_request != NULL && by_id_request != NULL) {
            snprintf(inline_request, size, "{\"policy\": %s, %s", definition, SWINDON_EVENTS);
            snprintf(by_id_request, size, "%s%s", by_id_prefix, SWINDON_EVENTS);
            char *a = NULL;
            char *b = NULL;
            CHECK_CODE(sgr_evaluate(inline_request, &a), SGR_OK);
            CHECK_CODE(sgr_evaluate(by_id_request, &b), SGR_OK);
            CHECK(a != NULL && b != NULL && strcmp(a, b) == 0, "inline answers as the id: %s", a);
            sgr_string_free(a);
            sgr_string_free(b);
        }
        free(inline_request);
        free(by_id_request);
    }
    sgr_string_free(definition);
    definition = NULL;
    CHECK_CODE(sgr_policy_definition("nowhere", &definition), SGR_ERROR_DOCUMENT);
    CHECK(contains(definition, "\"code\":\"unknown_policy\""), "unknown: %s", definition);
    sgr_string_free(definition);
    CHECK_CODE(sgr_policy_definition(NULL, &definition), SGR_NULL_POINTER);
    CHECK(definition == NULL, "nothing to free");
    CHECK_CODE(sgr_policy_definition("swindon-resolution-2026", NULL), SGR_NULL_POINTER);
}

/* ---- loads and adds beside evaluations ---- */

/* NEWER_HOLIDAYS without the bank holiday of 2 March 2027. */
static const char OLDER_HOLIDAYS[] =
    "{\"england-and-wales\": {\"division\": \"england-and-wales\", \"events\": ["
    "{\"title\": \"New Year's Day\", \"date\": \"2027-01-01\", \"notes\": \"\", \"bunting\": true}]},"
    " \"scotland\": {\"division\": \"scotland\", \"events\": ["
    "{\"title\": \"New Year's Day\", \"date\": \"2027-01-01\", \"notes\": \"\", \"bunting\": true}]},"
    " \"northern-ireland\": {\"division\": \"northern-ireland\", \"events\": ["
    "{\"title\": \"New Year's Day\", \"date\": \"2027-01-01\", \"notes\": \"\", \"bunting\": true}]}}";

/* BOROUGH revised: three working days at stage 1, under the same id. */
static const char BOROUGH_REVISED[] =
    "{\"id\": \"c-borough-2027\", \"name\": \"C Borough Escalation Policy (revised)\", \"stages\": ["
    "{\"number\": 1, \"name\": \"Practitioners\", \"clock\": {\"kind\": \"working_days_after_start\", \"days\": 3}},"
    "{\"number\": 2, \"name\": \"Chair\", \"clock\": {\"kind\": \"not_stated\"}}]}";

#define EVALUATORS 8
#define EVALUATIONS 150
#define CHANGES 40

/* The whole answers an evaluation beside the changes may give: for the
   North Somerset case, on the older or the newer holidays; for the
   borough's case, on either holidays with either version of the policy. */
struct whole_answers {
    sgr_engine *engine;
    char *march[2];
    char *borough[4];
};

static void *evaluate_beside_changes(void *shared) {
    const struct whole_answers *whole = (const struct whole_answers *)shared;
    long torn = 0;
    for (int i = 0; i < EVALUATIONS; i++) {
        char *response = NULL;
        bool ok = sgr_engine_evaluate(whole->engine, MARCH_CASE, &response) == SGR_OK &&
                  response != NULL &&
                  (strcmp(response, whole->march[0]) == 0 || strcmp(response, whole->march[1]) == 0);
        sgr_string_free(response);
        response = NULL;
        if (sgr_engine_evaluate(whole->engine, BOROUGH_CASE, &response) == SGR_OK && response != NULL) {
            bool one_of = false;
            for (int k = 0; k < 4; k++) {
                one_of = one_of || strcmp(response, whole->borough[k]) == 0;
            }
            ok = ok && one_of;
        } else {
            ok = false;
        }
        sgr_string_free(response);
        if (!ok) {
            torn++;
        }
    }
    return (void *)torn;
}

/* One engine's answer to a request, on the given holidays and policy. */
static char *answer_on(const char *holidays, const char *definition, const char *request) {
    sgr_engine *engine = NULL;
    char *response = NULL;
    if (sgr_engine_new(&engine) == SGR_OK &&
        sgr_engine_load_holidays(engine, holidays, NULL) == SGR_OK &&
        sgr_engine_add_policy(engine, definition, NULL) == SGR_OK) {
        sgr_engine_evaluate(engine, request, &response);
    }
    sgr_engine_free(engine);
    return response;
}

static void test_changes_beside_evaluations(void) {
    struct whole_answers whole = {NULL, {NULL, NULL}, {NULL, NULL, NULL, NULL}};
    whole.march[0] = answer_on(OLDER_HOLIDAYS, BOROUGH, MARCH_CASE);
    whole.march[1] = answer_on(NEWER_HOLIDAYS, BOROUGH, MARCH_CASE);
    whole.borough[0] = answer_on(OLDER_HOLIDAYS, BOROUGH, BOROUGH_CASE);
    whole.borough[1] = answer_on(OLDER_HOLIDAYS, BOROUGH_REVISED, BOROUGH_CASE);
    whole.borough[2] = answer_on(NEWER_HOLIDAYS, BOROUGH, BOROUGH_CASE);
    whole.borough[3] = answer_on(NEWER_HOLIDAYS, BOROUGH_REVISED, BOROUGH_CASE);
    /* Worked by hand: raised Monday 1 March 2027, North Somerset's stage 1
       is due a working day on (Tuesday 2, or Wednesday 3 once 2 March is a
       bank holiday); the borough's two or three working days on. */
    CHECK(contains(whole.march[0], "\"date\":\"2027-03-02\""), "older: %s", whole.march[0]);
    CHECK(contains(whole.march[1], "\"date\":\"2027-03-03\""), "newer: %s", whole.march[1]);
    CHECK(contains(whole.borough[0], "\"date\":\"2027-03-03\""), "2 days: %s", whole.borough[0]);
    CHECK(contains(whole.borough[1], "\"date\":\"2027-03-04\""), "3 days: %s", whole.borough[1]);
    CHECK(contains(whole.borough[2], "\"date\":\"2027-03-04\""), "2 days: %s", whole.borough[2]);
    CHECK(contains(whole.borough[3], "\"date\":\"2027-03-05\""), "3 days: %s", whole.borough[3]);

    CHECK_CODE(sgr_engine_new(&whole.engine), SGR_OK);
    if (whole.engine != NULL) {
        CHECK_CODE(sgr_engine_load_holidays(whole.engine, OLDER_HOLIDAYS, NULL), SGR_OK);
        CHECK_CODE(sgr_engine_add_policy(whole.engine, BOROUGH, NULL), SGR_OK);
        pthread_t threads[EVALUATORS];
        int started = 0;
        for (; started < EVALUATORS; started++) {
            if (pthread_create(&threads[started], NULL, evaluate_beside_changes, &whole) != 0) {
                break;
            }
        }
        CHECK(started == EVALUATORS, "started %d threads of %d", started, EVALUATORS);
        /* No lock of ours: loads and adds run beside the evaluations. */
        int refused = 0;
        for (int i = 0; i < CHANGES; i++) {
            refused += sgr_engine_load_holidays(whole.engine, i % 2 ? OLDER_HOLIDAYS : NEWER_HOLIDAYS,
                                                NULL) != SGR_OK;
            refused += sgr_engine_add_policy(whole.engine, i % 3 ? BOROUGH_REVISED : BOROUGH,
                                             NULL) != SGR_OK;
        }
        CHECK(refused == 0, "%d loads or adds refused", refused);
        for (int i = 0; i < started; i++) {
            void *torn = NULL;
            pthread_join(threads[i], &torn);
            CHECK(torn == NULL, "evaluator %d: %ld answers not whole", i, (long)torn);
        }
        sgr_engine_free(whole.engine);
    }
    for (int k = 0; k < 2; k++) {
        sgr_string_free(whole.march[k]);
    }
    for (int k = 0; k < 4; k++) {
        sgr_string_free(whole.borough[k]);
    }
}

int main(void) {
    test_versions();
    test_result_messages();
    test_add_working_days();
    test_subtract_and_neighbours();
    test_is_working_day();
    test_working_days_between();
    test_evaluate();
    test_validate();
    test_threads();
    test_engine();
    test_policies();
    test_changes_beside_evaluations();
    printf("sgr C interface, library %s, holiday data %s\n", sgr_version(),
           sgr_holiday_data_version());
    printf("ffi_test: %d passed, %d failed\n", passed, failed);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
