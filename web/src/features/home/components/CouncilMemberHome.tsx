export function CouncilMemberHome({ municipality, councilIds }: { municipality: string; councilIds: string[] }) {
  void [municipality, councilIds];
  return null;
}
