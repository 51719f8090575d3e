/* The file-system floor of a rebuild that writes a new site beside the old one and swaps
 * them (SiteWriter): hard-link every file of SITE into a staging tree, then delete a tree of
 * the same size, each on THREADS threads, from a list of the paths made beforehand. Nothing
 * is read, rendered or walked, so no build of this design can take less. bench/build_bench.py compiles and runs it on the x1 site.
 *
 * usage: fs_floor SITE THREADS   — prints {"files": n, "folders": n, "threads": n, "link_ms": x, "delete_ms": y}
 */
#define _GNU_SOURCE
#include <ftw.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static char **files, **folders;
static size_t file_count, folder_count, capacity_files, capacity_folders;
static const char *site;
static char staging[4096];
static int threads;
static volatile int failed;  /* a link failed: stop, clean up, exit 1 */

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static void push(char ***list, size_t *count, size_t *capacity, const char *path) {
    if (*count == *capacity) {
        *capacity = *capacity ? *capacity * 2 : 1024;
        *list = realloc(*list, *capacity * sizeof(char *));
    }
    (*list)[(*count)++] = strdup(path);
}

/* Paths relative to the walked root, folders before what they hold. */
static size_t root_length;
static int collect(const char *path, const struct stat *info, int type, struct FTW *ftw) {
    (void)info; (void)ftw;
    if (strlen(path) <= root_length) return 0;
    const char *relative = path + root_length + 1;
    if (type == FTW_D) push(&folders, &folder_count, &capacity_folders, relative);
    else push(&files, &file_count, &capacity_files, relative);
    return 0;
}

static void *link_stripe(void *arg) {
    long t = (long)arg;
    char from[8192], to[8192];
    for (size_t i = t; i < file_count && !failed; i += threads) {
        snprintf(from, sizeof from, "%s/%s", site, files[i]);
        snprintf(to, sizeof to, "%s/%s", staging, files[i]);
        if (link(from, to) != 0) { perror(to); failed = 1; }
    }
    return NULL;
}

static void *unlink_stripe(void *arg) {
    long t = (long)arg;
    char path[8192];
    for (size_t i = t; i < file_count; i += threads) {
        snprintf(path, sizeof path, "%s/%s", staging, files[i]);
        unlink(path);
    }
    return NULL;
}

static void run_threads(void *(*body)(void *)) {
    pthread_t ids[64];
    long started = 0;
    while (started < threads && pthread_create(&ids[started], NULL, body, (void *)started) == 0) started++;
    for (long t = 0; t < started; t++) pthread_join(ids[t], NULL);
    if (started < threads) { fprintf(stderr, "fs_floor: could not start %d threads\n", threads); failed = 1; }
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: fs_floor SITE THREADS\n"); return 2; }
    site = argv[1];
    threads = atoi(argv[2]);
    if (threads < 1) threads = 1;
    if (threads > 64) threads = 64;
    root_length = strlen(site);
    if (nftw(site, collect, 64, FTW_PHYS) != 0) { perror(site); return 1; }
    snprintf(staging, sizeof staging, "%s.floor-%d", site, (int)getpid());

    double start = now_ms();
    if (mkdir(staging, 0755) != 0) { perror(staging); return 1; }
    char path[8192];
    for (size_t i = 0; i < folder_count; i++) {
        snprintf(path, sizeof path, "%s/%s", staging, folders[i]);
        mkdir(path, 0755);
    }
    run_threads(link_stripe);
    double linked = now_ms();

    /* From the list already made: a floor, so the walk a real build needs is not counted. */
    run_threads(unlink_stripe);
    for (size_t i = folder_count; i-- > 0;) {
        snprintf(path, sizeof path, "%s/%s", staging, folders[i]);
        rmdir(path);
    }
    rmdir(staging);
    double deleted = now_ms();
    if (failed) return 1;

    printf("{\"files\": %zu, \"folders\": %zu, \"threads\": %d, \"link_ms\": %.1f, \"delete_ms\": %.1f}\n",
           file_count, folder_count, threads, linked - start, deleted - linked);
    return 0;
}
