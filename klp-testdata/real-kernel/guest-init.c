// SPDX-License-Identifier: GPL-2.0
/*
 * /init of the self-built test kernels (run-arch.sh): a static program, built
 * with the cross compiler of each machine, that runs the commands of
 * /script and reports to the console. Every line meant for the host starts
 * with "@@ "; the last one is "@@ END", then the guest powers off.
 *
 * Commands, one per line (arguments without spaces):
 *   say <text...>              print the text
 *   cat <label> <file>         print "<label>: <first line of file>"
 *   load <file.ko>             finit_module; print "insmod <base> rc=<errno>"
 *   unload <module>            delete_module; print "rmmod <module> rc=<errno>"
 *   write <file> <value>       print "write <file> <value> rc=<errno>"
 *   settle <patch>             wait (max 10 s) until no transition is pending
 *   gone <patch>               wait (max 10 s) until the patch's sysfs dir is gone
 *   show <patch> [<object>]    print enabled/transition (and patched) from sysfs
 *   kallsyms <name>...         print the /proc/kallsyms lines of these names
 *   dmesg                      print the kernel log lines about modules/livepatch
 * A userland of our own: the machines have no Debian busybox in common (there
 * is no Debian powerpc port), and a shell is not needed.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/klog.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define MAX_ARGS 16

static void sleep_ms(long ms)
{
	struct timespec t = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&t, NULL);
}

static int read_line(const char *path, char *buf, size_t size)
{
	FILE *f = fopen(path, "r");

	if (!f)
		return -errno;
	if (!fgets(buf, (int)size, f))
		buf[0] = '\0';
	fclose(f);
	buf[strcspn(buf, "\n")] = '\0';
	return 0;
}

static void cmd_cat(const char *label, const char *path)
{
	char buf[4096];
	int rc = read_line(path, buf, sizeof(buf));

	if (rc)
		printf("@@ %s: <%s: %s>\n", label, path, strerror(-rc));
	else
		printf("@@ %s: %s\n", label, buf);
}

static void cmd_load(const char *path)
{
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	int rc = 0;

	if (fd < 0 || syscall(SYS_finit_module, fd, "", 0) != 0)
		rc = errno;
	if (fd >= 0)
		close(fd);
	printf("@@ insmod %s rc=%d%s%s\n", base, rc, rc ? " " : "", rc ? strerror(rc) : "");
}

static void cmd_unload(const char *name)
{
	int rc = syscall(SYS_delete_module, name, O_NONBLOCK) ? errno : 0;

	printf("@@ rmmod %s rc=%d\n", name, rc);
}

static void cmd_write(const char *path, const char *value)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	int rc = 0;

	if (fd < 0 || write(fd, value, strlen(value)) < 0)
		rc = errno;
	if (fd >= 0)
		close(fd);
	printf("@@ write %s %s rc=%d\n", path, value, rc);
}

static void patch_file(char *buf, size_t size, const char *patch, const char *file)
{
	snprintf(buf, size, "/sys/kernel/livepatch/%s/%s", patch, file);
}

static void cmd_settle(const char *patch)
{
	char path[256], value[16] = "gone";
	int i;

	patch_file(path, sizeof(path), patch, "transition");
	for (i = 0; i < 100; i++) {
		if (read_line(path, value, sizeof(value)))
			strcpy(value, "gone");
		if (strcmp(value, "1") != 0)
			break;
		sleep_ms(100);
	}
	printf("@@ transition %s settled: transition=%s after %d ms\n", patch, value, i * 100);
}

static void cmd_gone(const char *patch)
{
	char path[256];
	struct stat st;
	int i;

	snprintf(path, sizeof(path), "/sys/kernel/livepatch/%s", patch);
	for (i = 0; i < 100 && stat(path, &st) == 0; i++)
		sleep_ms(100);
	printf("@@ sysfs %s %s after %d ms\n", patch, stat(path, &st) ? "gone" : "still present", i * 100);
}

static void cmd_show(const char *patch, const char *object)
{
	char path[256], enabled[16], transition[16], patched[16];

	patch_file(path, sizeof(path), patch, "enabled");
	if (read_line(path, enabled, sizeof(enabled)))
		strcpy(enabled, "none");
	patch_file(path, sizeof(path), patch, "transition");
	if (read_line(path, transition, sizeof(transition)))
		strcpy(transition, "none");
	printf("@@ sysfs %s enabled=%s transition=%s\n", patch, enabled, transition);
	if (object) {
		snprintf(path, sizeof(path), "/sys/kernel/livepatch/%s/%s/patched", patch, object);
		if (read_line(path, patched, sizeof(patched)))
			strcpy(patched, "none");
		printf("@@ sysfs %s/%s patched=%s\n", patch, object, patched);
	}
}

static void cmd_kallsyms(char **names, int n)
{
	FILE *f = fopen("/proc/kallsyms", "r");
	char line[512], name[256];
	int i;

	if (!f) {
		printf("@@ kallsyms: <%s>\n", strerror(errno));
		return;
	}
	while (fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = '\0';
		if (sscanf(line, "%*s %*s %255s", name) != 1)
			continue;
		for (i = 0; i < n; i++)
			if (strcmp(name, names[i]) == 0)
				printf("@@ kallsyms: %s\n", line);
	}
	fclose(f);
}

static void cmd_dmesg(void)
{
	static const char *const topics[] = {
		"livepatch", "klp_rk", "Unknown symbol", "relocation", "Expected nop",
		"out of range", "BUG", "Oops", "WARNING", NULL,
	};
	static char log[1 << 18];
	int len = klogctl(10 /* SYSLOG_ACTION_SIZE_BUFFER */, NULL, 0);
	char *line, *save;
	int i;

	if (len <= 0 || len >= (int)sizeof(log))
		len = sizeof(log) - 1;
	len = klogctl(3 /* SYSLOG_ACTION_READ_ALL */, log, len);
	if (len < 0) {
		printf("@@ dmesg: <%s>\n", strerror(errno));
		return;
	}
	log[len] = '\0';
	for (line = strtok_r(log, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
		for (i = 0; topics[i]; i++)
			if (strstr(line, topics[i])) {
				printf("@@ dmesg: %s\n", line);
				break;
			}
}

static void run(char **argv, int argc)
{
	const char *c = argv[0];
	int i;

	if (!strcmp(c, "say")) {
		printf("@@");
		for (i = 1; i < argc; i++)
			printf(" %s", argv[i]);
		printf("\n");
	} else if (!strcmp(c, "cat") && argc == 3) {
		cmd_cat(argv[1], argv[2]);
	} else if (!strcmp(c, "load") && argc == 2) {
		cmd_load(argv[1]);
	} else if (!strcmp(c, "unload") && argc == 2) {
		cmd_unload(argv[1]);
	} else if (!strcmp(c, "write") && argc == 3) {
		cmd_write(argv[1], argv[2]);
	} else if (!strcmp(c, "settle") && argc == 2) {
		cmd_settle(argv[1]);
	} else if (!strcmp(c, "gone") && argc == 2) {
		cmd_gone(argv[1]);
	} else if (!strcmp(c, "show") && (argc == 2 || argc == 3)) {
		cmd_show(argv[1], argc == 3 ? argv[2] : NULL);
	} else if (!strcmp(c, "kallsyms")) {
		cmd_kallsyms(argv + 1, argc - 1);
	} else if (!strcmp(c, "dmesg")) {
		cmd_dmesg();
	} else {
		printf("@@ init: bad command: %s (%d arguments)\n", c, argc - 1);
	}
	fflush(stdout);
}

int main(void)
{
	char line[1024], *argv[MAX_ARGS], *save;
	FILE *script;
	int argc;

	mount("proc", "/proc", "proc", 0, NULL);
	mount("sysfs", "/sys", "sysfs", 0, NULL);
	mount("devtmpfs", "/dev", "devtmpfs", 0, NULL);
	if (!freopen("/dev/console", "w", stdout))
		return 1;
	printf("\n@@ START\n");
	cmd_write("/proc/sys/kernel/kptr_restrict", "0");
	cmd_cat("uname", "/proc/version");
	cmd_cat("cmdline-before", "/proc/cmdline");
	script = fopen("/script", "r");
	while (script && fgets(line, sizeof(line), script)) {
		argc = 0;
		for (argv[argc] = strtok_r(line, " \t\n", &save); argv[argc] && argc < MAX_ARGS - 1;
		     argv[argc] = strtok_r(NULL, " \t\n", &save))
			argc++;
		if (argc > 0 && argv[0][0] != '#')
			run(argv, argc);
	}
	cmd_cat("uptime", "/proc/uptime");
	printf("@@ END\n");
	fflush(stdout);
	sync();
	reboot(RB_POWER_OFF);
	return 0;
}
