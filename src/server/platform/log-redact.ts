// Log lines name subscribers by id, never by address; SMTP replies often quote the address, so error
// texts pass through this before they are logged.
const ADDRESS = /[^\s<>()"',;:]+@[^\s<>()"',;:]+\.[A-Za-z]{2,}/g;

export function redactAddresses(text: string): string {
  return text.replace(ADDRESS, "<address>");
}
