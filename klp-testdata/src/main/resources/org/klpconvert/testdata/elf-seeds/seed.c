/* Seed objects for the ELF fuzz target (klp-convert-core FuzzCases, target EXECUTABLES):
 * a shared library with versioned definitions and references and an executable that uses
 * it, so that program headers, the dynamic section, symbol versions, notes and the dynamic
 * symbol table are all present. Built by build.sh. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int seed_counter = 3;
static char seed_buffer[64];

__attribute__((noinline)) int seed_v1(const char *s)
{
	return (int)strlen(s) + seed_counter;
}

__attribute__((noinline)) int seed_v2(const char *s)
{
	snprintf(seed_buffer, sizeof(seed_buffer), "%s:%d", s, seed_counter);
	return seed_v1(seed_buffer);
}

__asm__(".symver seed_v1, seed@SEED_1.0");
__asm__(".symver seed_v2, seed@@SEED_2.0");

#ifdef SEED_MAIN
extern int seed(const char *s);

int main(int argc, char **argv)
{
	char *copy = malloc(16);

	if (!copy)
		return 1;
	strcpy(copy, argc > 1 ? argv[1] : "seed");
	printf("%d\n", seed(copy));
	free(copy);
	return 0;
}
#endif
