/**
 * Copy text to the clipboard where the browser allows it.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through: the caller shows the text instead
  }
  return false;
}
