import NextAuth from "next-auth";
import { authOptions } from "@/lib/server/auth/options";

/** next-auth's endpoints: CSRF token, credentials callback, session. */
function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(authOptions())(request, context);
}

export { handler as GET, handler as POST };
