// Every address no page or route handler claims: the 404 page with status 404, without runtime JS.
// (Next's own 404 would be its app-router not-found page, because src/app holds the route handlers.)
import type { GetServerSideProps } from "next";
import { NotFoundPage, notFoundProps, type NotFoundProps } from "@/components/not-found-page";

export const config = { unstable_runtimeJS: false };

export const getServerSideProps: GetServerSideProps<NotFoundProps> = async ({ res }) => notFoundProps(res);

export default NotFoundPage;
