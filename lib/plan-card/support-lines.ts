/**
 * The support services the plan card prints: the support content's contacts (content/support)
 * that a student can reach by phone or by text message, in the content's order. Pure.
 */

export interface CardSupportLine {
  name: string;
  phone?: string;
  /** A number to text and the word to send, such as SHOUT to 85258, when the support content has one. */
  sms?: { number: string; message: string };
}

export function cardSupportLines(
  contacts: readonly { id: string; phone?: string; sms?: { number: string; message: string } }[],
  text: Readonly<Record<string, { name: string } | undefined>>,
): CardSupportLine[] {
  return contacts.flatMap((contact) => {
    const name = text[contact.id]?.name;
    if (!name || (!contact.phone && !contact.sms)) return [];
    return [{ name, ...(contact.phone ? { phone: contact.phone } : {}), ...(contact.sms ? { sms: { number: contact.sms.number, message: contact.sms.message } } : {}) }];
  });
}
