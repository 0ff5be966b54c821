/*
 * A test fixture, never shipped: Debian 12's Wine 8 has no
 * bcryptprimitives.dll, whose ProcessPrng Go's Windows runtime calls for
 * random bytes at start ("fatal error: bcryptprimitives.dll not found").
 * This stand-in gives ProcessPrng over bcrypt's BCryptGenRandom, which
 * Wine has. The Wine end-to-end test builds it with MinGW-w64 into its
 * Wine prefix's system32, the only place the runtime looks for it.
 */
#include <windows.h>
#include <bcrypt.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
	while (size > 0) {
		ULONG n = size > 0x40000000 ? 0x40000000 : (ULONG)size;
		if (BCryptGenRandom(NULL, data, n, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0)
			return FALSE;
		data += n;
		size -= n;
	}
	return TRUE;
}
